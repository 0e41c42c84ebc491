package dev.espat.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.EspAtEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device that hangs or goes away fails transcripts, never the run, and in bounded time. */
class RunnerFailuresIT {

  private static Suite suite(Path dir, String... transcripts) throws IOException {
    for (int i = 0; i < transcripts.length; i++) {
      Files.writeString(dir.resolve("t" + i + ".txn"), transcripts[i]);
    }
    return Suite.load(dir);
  }

  @Test
  @DisplayName("a device that does not answer in time fails that transcript at its timeout; the next one runs")
  void hangingDevice(@TempDir Path dir) throws Exception {
    Suite suite = suite(dir, """
        esp-at-transcript 1
        rules: P-22
        timeout: 2s
        wifi join
        > AT+HTTPCGET="{server}/slow/4000"\\r\\n
        < +HTTPCGET:{len},slow\\r\\n
        """, """
        esp-at-transcript 1
        rules: P-01
        > AT\\r\\n
        < \\r\\nOK\\r\\n
        """);
    try (EspAtEmulator esp = EspAtEmulator.builder().tcp("127.0.0.1", 0).unpaced().start()) {
      ConformanceReport report = ConformanceRunner.builder("socket://127.0.0.1:" + esp.device().tcpAddress().orElseThrow().getPort())
          .build().run(suite);
      TranscriptResult hung = report.results().get(0);
      assertThat(hung.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(hung.reason()).contains("line 6", "timed out waiting for the device to write it");
      assertThat(hung.detail()).contains("expected: +HTTPCGET:{len},slow\\r\\n").contains("got:      (nothing)");
      assertThat(hung.took()).isLessThan(Duration.ofSeconds(10));
      assertThat(report.results().get(1).verdict()).as(report.results().get(1).reason()).isEqualTo(Verdict.PASS);
    }
  }

  @Test
  @DisplayName("a device that goes away: the transcript fails saying so, the rest are not run, quickly")
  void deviceGoesAway(@TempDir Path dir) throws Exception {
    Suite suite = suite(dir, """
        esp-at-transcript 1
        rules: P-01
        > AT+GMR\\r\\n
        < never\\r\\n
        """, """
        esp-at-transcript 1
        rules: P-01
        > AT\\r\\n
        < \\r\\nOK\\r\\n
        """, """
        esp-at-transcript 1
        rules: P-01
        > AT\\r\\n
        < \\r\\nOK\\r\\n
        """);
    try (ServerSocket server = new ServerSocket(0)) {
      // A scripted device: OK to every line, until AT+GMR, on which it hangs up and stops listening.
      Thread.ofPlatform().daemon().start(() -> {
        try (Socket s = server.accept()) {
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
          OutputStream out = s.getOutputStream();
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("AT+GMR")) {
              server.close();
              return;
            }
            out.write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        } catch (IOException e) {
          // the runner went away
        }
      });
      long t0 = System.nanoTime();
      ConformanceReport report = ConformanceRunner.builder("socket://127.0.0.1:" + server.getLocalPort())
          .firmware("4.1").build().run(suite);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
      assertThat(report.results()).extracting(TranscriptResult::verdict).containsOnly(Verdict.FAIL);
      assertThat(report.results().get(0).reason()).contains("the port closed");
      assertThat(report.results().get(1).reason()).contains("the port could not be opened again");
      assertThat(report.results().get(2).reason()).startsWith("not run: the port could not be opened again");
    }
  }
}
