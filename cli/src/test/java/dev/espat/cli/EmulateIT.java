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

  /** Starts {@code esp-at emulate} with these arguments and environment, output and errors merged. */
  private static Process emulate(java.util.Map<String, String> env, String... args) throws java.io.IOException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        java(), "-jar", Path.of("target/esp-at.jar").toAbsolutePath().toString(), "emulate"));
    command.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("ESP_AT_ADMIN_TOKEN");
    pb.environment().putAll(env);
    return pb.start();
  }

  private static java.net.http.HttpResponse<String> get(String url, String token) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
      return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void adminPrintsItsLineAndAnswersWithTheTokenFromTheEnvironment() throws Exception {
    int port = freePort();
    int adminPort = freePort();
    Process p = emulate(java.util.Map.of("ESP_AT_ADMIN_TOKEN", "env-s3cret"),
        "--tcp", "127.0.0.1:" + port, "--unpaced", "--admin", "127.0.0.1:" + adminPort);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).startsWith("listening dev0 on tcp 127.0.0.1:" + port);
      String url = "http://127.0.0.1:" + adminPort + "/";
      assertThat(out.readLine()).isEqualTo("admin listening on " + url);
      assertThat(get(url + "api/devices", null).statusCode()).isEqualTo(401);
      var devices = get(url + "api/devices", "env-s3cret");
      assertThat(devices.statusCode()).isEqualTo(200);
      assertThat(devices.body()).startsWith("[{\"index\":0,\"name\":\"dev0\"");
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void helpShowsNoTokenFromTheEnvironment() throws Exception {
    Process p = emulate(java.util.Map.of("ESP_AT_ADMIN_TOKEN", "env-s3cret"), "--help");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).contains("--admin=HOST:PORT").contains("--admin-token=TOKEN").doesNotContain("env-s3cret");
  }

  @Test
  void adminOnAnAddressThatIsNotLoopbackNeedsAToken() throws Exception {
    Process p = emulate(java.util.Map.of(), "--tcp", "127.0.0.1:0", "--admin", "0.0.0.0:0");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(ExitCodes.USAGE);
    assertThat(output).contains("0.0.0.0:0, which is not a loopback address").contains("--admin-token")
        .contains("Try 'esp-at emulate --help'").doesNotContain("\tat ");
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
