package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** P-40/P-45: AT+GMR's version line, compared numerically; the busy backoff's arithmetic (P-10). */
class FirmwareVersionTest {

  @Test
  void parsesTheAtVersionLine() {
    FirmwareInfo info = FirmwareInfo.parse(List.of(
        "AT+GMR", // an echo, when echo is still on
        "AT version:2.2.0.0(c6fa6bf - ESP32 - Jul  2 2021 06:44:05)",
        "SDK version:v4.2.2-76-gefa6eca",
        "compile time(3a696ba):Jul  2 2021 11:54:43",
        "Bin version:2.2.0(WROOM-32)"));
    assertThat(info.version()).isEqualTo(new FirmwareVersion(2, 2, 0, 0));
    assertThat(info.lines()).hasSize(4);
    assertThat(info.sdkVersion()).contains("v4.2.2-76-gefa6eca");
    assertThat(info.binVersion()).contains("2.2.0(WROOM-32)");
    assertThatThrownBy(() -> FirmwareInfo.parse(List.of("hello"))).hasMessageContaining("AT version:");
  }

  @Test
  void comparesNumerically() {
    assertThat(FirmwareVersion.parse("3.10.0.0")).isGreaterThan(FirmwareVersion.parse("3.9.9.9"));
    assertThat(FirmwareVersion.parse("v4.1.0.0")).isEqualTo(FirmwareVersion.of(4, 1));
    assertThat(FirmwareVersion.parse("4.1.0.1").atLeast(FirmwareVersion.of(4, 1))).isTrue();
    assertThat(FirmwareVersion.parse("2.2").compareTo(FirmwareVersion.of(3, 0))).isNegative();
    assertThatThrownBy(() -> FirmwareVersion.parse("four")).hasMessageContaining("'four'");
  }

  @Test
  void busyBackoffDoublesUpToItsBound() {
    BusyRetry r = new BusyRetry(10, Duration.ofMillis(20), Duration.ofMillis(100));
    assertThat(List.of(r.delayAfter(1), r.delayAfter(2), r.delayAfter(3), r.delayAfter(4), r.delayAfter(9)))
        .containsExactly(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(100),
            Duration.ofMillis(100));
    assertThatThrownBy(() -> new BusyRetry(0, Duration.ZERO, Duration.ZERO)).hasMessageContaining("at least 1");
  }
}
