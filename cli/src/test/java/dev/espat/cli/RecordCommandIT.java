package dev.espat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.conformance.server.TestHttpServer;
import dev.espat.driver.Transport;
import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.port.PtyPort;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code esp-at record} as a process between a scripted host on its pty and an emulator, then the
 * recording replayed with {@code esp-at conformance}: clean against the same device, and showing
 * the difference against another firmware.
 */
class RecordCommandIT {
  private static final Path JAR = Path.of("target/esp-at.jar").toAbsolutePath();
  private static final String PASSWORD = "s3cr3t-pw";

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private record Run(int exitCode, String out) {}

  private static Run esp(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), out);
  }

  /** Writes a line and reads until the answer ends with {@code end}. */
  private static String exchange(Transport t, String line, String end) throws IOException {
    t.write(line.getBytes(StandardCharsets.ISO_8859_1));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!got.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + end + "' after " + line + "; got " + got.toString(StandardCharsets.ISO_8859_1));
      }
      int n = t.read(buffer, 0, buffer.length);
      if (n > 0) {
        got.write(buffer, 0, n);
      }
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  @DisplayName("a scripted host's session through the pty becomes a transcript that replays, and shows differences")
  void recordAndReplay(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(PtyPort.isSupported(), "this system has no ptys");
    Path file = dir.resolve("session.txn");
    Path link = dir.resolve("ttyREC");
    try (TestHttpServer web = TestHttpServer.start("127.0.0.1", 0);
         EspAtEmulator esp = EspAtEmulator.builder().tcp("127.0.0.1", 0).unpaced().start();
         EspAtEmulator older = EspAtEmulator.builder().firmware("3.1").tcp("127.0.0.1", 0).unpaced().start()) {
      String device = "socket://127.0.0.1:" + esp.device().tcpAddress().orElseThrow().getPort();
      Process recorder = new ProcessBuilder(java(), "-jar", JAR.toString(), "record", "--port", device,
          "--out", file.toString(), "--pty", link.toString(), "--wifi", "home:" + PASSWORD)
          .redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(recorder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).startsWith("recording " + device + " on pty " + link);

        try (Transport host = Transport.open(link.toString())) {
          assertThat(exchange(host, "AT\r\n", "OK\r\n")).isEqualTo("AT\r\n\r\nOK\r\n");
          exchange(host, "ATE0\r\n", "OK\r\n");
          assertThat(exchange(host, "AT+CWJAP=\"home\",\"" + PASSWORD + "\"\r\n", "\r\nOK\r\n")).contains("WIFI GOT IP");
          exchange(host, "AT+HTTPCGET=\"" + web.url() + "/bytes/3000\"\r\n", "\r\nOK\r\n");
          assertThat(exchange(host, "AT+HTTPCPOST=\"" + web.url() + "/post\",5\r\n", ">")).isEqualTo("\r\nOK\r\n\r\n>");
          assertThat(exchange(host, "hello", "SEND OK\r\n")).isEqualTo("+HTTPCPOST:5,hello\r\n\r\nSEND OK\r\n");
          exchange(host, "AT+GMR\r\n", "\r\nOK\r\n");
          exchange(host, "AT+CIFSR\r\n", "\r\nOK\r\n");
        }
        assertThat(recorder.waitFor(30, TimeUnit.SECONDS)).as("the recording ends when the host closes the pty").isTrue();
        String rest = String.join("\n", out.lines().toList());
        assertThat(recorder.exitValue()).as(rest).isZero();
        assertThat(rest).contains("wrote " + file).contains("--suite " + file).doesNotContain(PASSWORD);
      } finally {
        recorder.destroyForcibly();
      }

      String transcript = Files.readString(file);
      assertThat(transcript).doesNotContain(PASSWORD)
          .contains("echo on\nwifi leave\n> AT\\r\\n\n< AT\\r\\n\n< \\r\\nOK\\r\\n\n")
          .contains("> AT+CWJAP=\"{ssid}\",\"{password}\"\\r\\n")
          .contains("frames +HTTPCGET length 3000 sha256 ")
          .contains("/post\",{len}\\r\\n")
          .contains("< +CIFSR:STAIP,\"{ip}\"\\r\\n");

      Run same = esp("conformance", "--port", device, "--suite", file.toString(), "--wifi", "home:" + PASSWORD);
      assertThat(same.exitCode()).as(same.out()).isZero();
      assertThat(same.out()).contains("(no rule)  PASS  session").doesNotContain(PASSWORD);

      String olderDevice = "socket://127.0.0.1:" + older.device().tcpAddress().orElseThrow().getPort();
      Run other = esp("conformance", "--port", olderDevice, "--suite", file.toString(), "--wifi", "home:" + PASSWORD);
      assertThat(other.exitCode()).as(other.out()).isEqualTo(ExitCodes.FAILURE);
      assertThat(other.out()).contains("FAIL session (no rule)").contains("expected: AT version:4.1.0.0")
          .contains("got:      AT version:3.1.0.0");
    }
  }

  @Test
  @DisplayName("a device that cannot be opened: exit 3 naming the port")
  void noDevice(@TempDir Path dir) throws Exception {
    Run run = esp("record", "--port", "socket://127.0.0.1:1", "--out", dir.resolve("x.txn").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.DEVICE);
    assertThat(run.out()).contains("cannot open socket://127.0.0.1:1").doesNotContain("\tat ");
  }
}
