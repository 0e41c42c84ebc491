package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handshake (P-40: AT, ATE0, AT+GMR; P-14: AT+SYSLOG=1) against every firmware profile over
 * every port kind, and the capabilities derived from the version (P-27) checked against what the
 * emulated firmware really answers.
 */
class HandshakeIT {
  @TempDir Path dir;

  static Stream<Arguments> profilesAndPorts() {
    return Stream.of("2.2", "3.0", "3.1", "4.1")
        .flatMap(fw -> Stream.of(PortKind.values()).map(kind -> Arguments.of(fw, kind)));
  }

  @ParameterizedTest(name = "firmware {0} over {1}")
  @MethodSource("profilesAndPorts")
  void handshakeParsesTheVersion(String firmware, PortKind kind) {
    try (EspAtEmulator emulator = kind.configure(EspAtEmulator.builder().unpaced().firmware(firmware), dir).start();
         EspAt esp = kind.builder(emulator).open()) {
      FirmwareVersion v = esp.firmware().version();
      assertThat(v).isEqualTo(FirmwareVersion.parse(firmware + ".0.0"));
      assertThat(esp.firmware().atVersionLine()).startsWith("AT version:" + firmware);
      assertThat(esp.firmware().sdkVersion()).isPresent();
      assertThat(esp.firmware().binVersion()).isPresent();
      // P-04: ATE0 took effect, no echo in the answer; P-14: SYSLOG=1 took effect.
      Response syslog = esp.execute(AtCommand.query("+SYSLOG"));
      assertThat(syslog.textLines()).isEmpty();
      assertThat(syslog.information("SYSLOG")).containsExactly("1");
      // P-27: a command exists exactly when the capabilities say so (sub-category 0x09 otherwise).
      assertCapabilityMatchesDevice(esp, HttpCommand.HTTPURLCFG);
      assertCapabilityMatchesDevice(esp, HttpCommand.HTTPCHEAD);
    }
  }

  private static void assertCapabilityMatchesDevice(EspAt esp, HttpCommand command) {
    AtCommand query = AtCommand.query(command.atName());
    if (esp.capabilities().has(command)) {
      assertThat(esp.execute(query).succeeded()).isTrue();
    } else {
      assertThatThrownBy(() -> esp.execute(query))
          .isInstanceOfSatisfying(CommandFailedException.class, e -> {
            assertThat(e.isUnsupportedCommand()).isTrue();
            assertThat(e.errorCode()).contains(ErrorCode.UNSUPPORTED);
          });
    }
  }

  /** P-27's table, version by version. */
  @Test
  void capabilitiesFollowTheVersionHistory() {
    assertThat(new Capabilities(FirmwareVersion.of(2, 2)).httpCommands())
        .containsExactlyInAnyOrder(HttpCommand.HTTPCLIENT, HttpCommand.HTTPGETSIZE);
    assertThat(new Capabilities(FirmwareVersion.of(3, 0)).has(HttpCommand.HTTPCPUT)).isTrue();
    assertThat(new Capabilities(FirmwareVersion.of(3, 0)).has(HttpCommand.HTTPCHEAD)).isFalse();
    assertThat(new Capabilities(FirmwareVersion.of(3, 1)).has(HttpCommand.HTTPCHEAD)).isTrue();
    assertThat(new Capabilities(FirmwareVersion.of(3, 1)).statusSpecificErrorCodes()).isFalse();
    assertThat(new Capabilities(FirmwareVersion.of(4, 1)).httpCommands()).containsExactlyInAnyOrder(HttpCommand.values());
    assertThat(new Capabilities(FirmwareVersion.of(4, 1)).statusSpecificErrorCodes()).isTrue();
    assertThat(new Capabilities(FirmwareVersion.of(2, 2)).sizeAndTimeoutParameters()).isFalse();
  }

  /** P-40: a device that is not there fails the handshake with a message, in bounded time. */
  @Test
  void silentPeerFailsTheHandshakeNamingAt() throws Exception {
    try (ScriptedDevice silent = new ScriptedDevice(line -> null)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> EspAt.builder(silent.url()).handshake(3, Duration.ofMillis(200)).open())
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("did not answer AT with OK in 3 attempts");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(silent.received()).containsExactly("AT", "AT", "AT");
    }
  }
}
