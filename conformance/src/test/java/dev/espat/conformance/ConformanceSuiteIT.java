package dev.espat.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.conformance.format.Rules;
import dev.espat.conformance.format.Transcript;
import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.port.PtyPort;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in suite against the real emulator: over TCP every rule id of the spec is named, every
 * golden transcript is there, and nothing fails, for the newest firmware and the older profiles
 * (whose version-specific transcripts run only there); over a pty (a serial line) the transcripts
 * that need one pass too.
 */
class ConformanceSuiteIT {

  private static ConformanceReport run(EspAtEmulator esp, String port, Suite suite) {
    return ConformanceRunner.builder(port)
        .wifi(ConformanceRunner.DEFAULT_SSID, ConformanceRunner.DEFAULT_PASSWORD, true)
        .listener(r -> {
          if (r.verdict() == Verdict.FAIL) {
            System.out.println("FAIL " + r.name() + " " + r.reason() + "\n" + r.detail());
          }
        })
        .build().run(suite);
  }

  private static EspAtEmulator.Builder emulator(String firmware) {
    return EspAtEmulator.builder().firmware(firmware)
        .accessPoint(ConformanceRunner.DEFAULT_SSID, ConformanceRunner.DEFAULT_PASSWORD);
  }

  private static List<String> failures(ConformanceReport report) {
    return report.results().stream().filter(r -> r.verdict() == Verdict.FAIL)
        .map(r -> r.name() + ": " + r.reason() + "\n" + r.detail()).toList();
  }

  @Test
  @DisplayName("4.1 over TCP: nothing fails, every rule id named, golden transcripts 1-16 all there")
  void newestOverTcp() {
    try (EspAtEmulator esp = emulator("4.1").tcp("127.0.0.1", 0).unpaced().start()) {
      int port = esp.device().tcpAddress().orElseThrow().getPort();
      ConformanceReport report = run(esp, "socket://127.0.0.1:" + port, Suite.builtIn());

      assertThat(failures(report)).isEmpty();
      assertThat(report.rules().stream().map(RuleResult::rule).toList()).containsExactlyElementsOf(Rules.ALL);
      assertThat(report.goldenCovered()).containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
      assertThat(report.firmware()).isEqualTo("4.1.0.0");
      assertThat(report.rules()).filteredOn(r -> r.verdict() == Verdict.SKIP).extracting(RuleResult::rule)
          .as("only what needs a serial line is skipped over TCP").containsExactly("P-50", "P-53");
    }
  }

  @ParameterizedTest(name = "firmware {0} over TCP: nothing fails")
  @ValueSource(strings = {"2.2", "3.0", "3.1"})
  void olderProfiles(String firmware) {
    try (EspAtEmulator esp = emulator(firmware).tcp("127.0.0.1", 0).unpaced().start()) {
      int port = esp.device().tcpAddress().orElseThrow().getPort();
      ConformanceReport report = run(esp, "socket://127.0.0.1:" + port, Suite.builtIn());

      assertThat(failures(report)).isEmpty();
      assertThat(report.firmware()).startsWith(firmware);
      assertThat(report.rules()).filteredOn(r -> r.rule().equals("P-27")).singleElement()
          .satisfies(r -> assertThat(r.verdict()).isEqualTo(Verdict.PASS));
    }
  }

  @Test
  @DisplayName("over a pty, paced at 115200 baud: the serial-line transcripts (baud switch, pacing) pass")
  void serialLineTranscriptsOverAPty(@TempDir Path dir) {
    Assumptions.assumeTrue(PtyPort.isSupported(), "this system has no ptys");
    try (EspAtEmulator esp = emulator("4.1").pty(dir.resolve("ttyESP0")).start()) {
      Suite serial = Suite.builtIn().only(t -> t.transport() == Transcript.TransportNeed.SERIAL);
      assertThat(serial.transcripts()).extracting(Transcript::name).contains("p44-uart-switch", "p50-pacing", "p53-gaps");

      ConformanceReport report = run(esp, esp.device().ptyPath().orElseThrow().toString(), serial);

      assertThat(failures(report)).isEmpty();
      assertThat(report.count(Verdict.PASS)).isEqualTo(serial.transcripts().size());
    }
  }
}
