package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.grammar.response.ResultCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bodies on their way to the host: decoded, streamed, never held whole (P-31..P-33). */
class HttpStreamingIT {
  private static GeneratedBytesServer server;

  @BeforeAll
  static void startServer() {
    server = new GeneratedBytesServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  @DisplayName("P-32: a chunked, gzipped body arrives as frames of the decoded bytes")
  void gzipAndChunked() {
    try (EmulatorSession s = HttpSessions.joined()) {
      s.send("AT+HTTPCHEAD=21\r\n");
      s.readResponse();
      s.send("Accept-Encoding: gzip");
      s.readResponse();
      s.send("AT+HTTPCGET=\"" + server.url("/gzip/300000") + "\"\r\n");
      BodyDigest.Result r = new BodyDigest(s.host().asStream()).awaitFinal();
      assertThat(r.result().code()).isEqualTo(ResultCode.OK);
      assertThat(r.bodyBytes()).isEqualTo(300_000);
      assertThat(r.sha256()).isEqualTo(GeneratedBytesServer.sha256(300_000));
      assertThat(r.largestFrame()).isLessThanOrEqualTo(2048);
    }
  }

  @Test
  @DisplayName("P-33: the first frame leaves before the server has sent the last byte")
  void streamsBeforeTheEnd() {
    try (EmulatorSession s = HttpSessions.joined()) {
      s.send("AT+HTTPCGET=\"" + server.url("/held/100000") + "\"\r\n");
      String first = s.readUntilEnd("\\r\\n", Duration.ofSeconds(5));
      assertThat(first).startsWith("+HTTPCGET:1024,");
      server.release();
      BodyDigest.Result rest = new BodyDigest(s.host().asStream()).awaitFinal();
      assertThat(rest.result().code()).isEqualTo(ResultCode.OK);
      assertThat(1024 + rest.bodyBytes()).isEqualTo(100_000);
    }
  }

  @Test
  @DisplayName("P-33: 100 MB through AT+HTTPCGET in an emulator JVM of -Xmx64m completes, SHA-256 equal")
  void hundredMegabytesInSmallHeap() throws Exception {
    long size = 100L * 1024 * 1024;
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-cp", classpath));
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(List.of(HttpDownloadMain.class.getName(), server.url("/bytes/" + size)));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      r.lines().forEach(output::add);
    }
    assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as("child output: %s", output).isZero();
    assertThat(output).as("child output").anySatisfy(line -> {
      String[] fields = line.split(" ");
      assertThat(fields).hasSize(4);
      assertThat(fields[0] + " " + fields[1] + " " + fields[2]).isEqualTo("OK " + GeneratedBytesServer.sha256(size) + " " + size);
      assertThat(Long.parseLong(fields[3])).as("frames of at most 2048 bytes").isGreaterThanOrEqualTo(size / 2048);
    });
  }
}
