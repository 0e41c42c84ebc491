package dev.espat.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.conformance.format.Rules;
import dev.espat.emulator.EspAtEmulator;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The whole built-in suite against the real emulator over TCP: every rule id of the spec named,
 * every golden transcript there, nothing failing.
 */
class ConformanceSuiteIT {

  @Test
  void theBuiltInSuitePassesAgainstTheEmulatorOverTcp() {
    try (EspAtEmulator esp = EspAtEmulator.builder().tcp("127.0.0.1", 0).unpaced()
        .accessPoint(ConformanceRunner.DEFAULT_SSID, ConformanceRunner.DEFAULT_PASSWORD).start()) {
      InetSocketAddress address = esp.device().tcpAddress().orElseThrow();
      ConformanceReport report = ConformanceRunner.builder("socket://127.0.0.1:" + address.getPort())
          .wifi(ConformanceRunner.DEFAULT_SSID, ConformanceRunner.DEFAULT_PASSWORD, true)
          .listener(r -> System.out.println(r.verdict() + " " + r.name() + " " + r.reason() + (r.detail().isEmpty() ? "" : "\n" + r.detail())))
          .build().run(Suite.builtIn());

      List<String> failures = report.results().stream().filter(r -> r.verdict() == Verdict.FAIL)
          .map(r -> r.name() + ": " + r.reason() + "\n" + r.detail()).toList();
      assertThat(failures).isEmpty();
      assertThat(report.rules().stream().map(RuleResult::rule).toList()).containsExactlyElementsOf(Rules.ALL);
      assertThat(report.goldenCovered()).containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
      assertThat(report.firmware()).isEqualTo("4.1.0.0");
    }
  }
}
