package dev.espat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code esp-at emulate} as a process: the contract other work relies on. */
class EmulateIT {

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void servesADeviceOnTheTcpPortAndStopsOnSignal(@TempDir Path dir) throws Exception {
    int port = freePort();
    Path trace = dir.resolve("trace.log");
    Process p = new ProcessBuilder(java(), "-jar", Path.of("target/esp-at.jar").toAbsolutePath().toString(),
        "emulate", "--tcp", "127.0.0.1:" + port, "--unpaced", "--trace", trace.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).startsWith("listening").contains("127.0.0.1:" + port);
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(10_000);
        assertThat(exchange(s, "ATE0\r\n", "\r\nOK\r\n")).isEqualTo("ATE0\r\n\r\nOK\r\n");
        assertThat(exchange(s, "AT+CWJAP=\"home\",\"s3cr3t-pw\"\r\n", "\r\nOK\r\n"))
            .isEqualTo("WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n");
      }
      p.destroy(); // SIGTERM, as Ctrl-C's shutdown path
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    String log = Files.readString(trace);
    assertThat(log).contains("dev0 > ATE0\\r\\n").contains("AT+CWJAP=\"home\",\"***\"").doesNotContain("s3cr3t-pw");
  }

  /** Sends a line and reads until the answer ends with {@code end}. */
  private static String exchange(Socket s, String line, String end) throws java.io.IOException {
    s.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
    StringBuilder got = new StringBuilder();
    byte[] buf = new byte[1024];
    while (!got.toString().endsWith(end)) {
      int n = s.getInputStream().read(buf);
      if (n < 0) {
        break;
      }
      got.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
    }
    return got.toString();
  }

  @Test
  void aPortInUseIsAClearFailure() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Process p = new ProcessBuilder(java(), "-jar", Path.of("target/esp-at.jar").toAbsolutePath().toString(),
          "emulate", "--tcp", "127.0.0.1:" + taken.getLocalPort()).redirectErrorStream(true).start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).isEqualTo(ExitCodes.FAILURE);
      assertThat(output).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).doesNotContain("\tat ");
    }
  }
}
