package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.grammar.AtCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The driver against a physical ESP32 (-Phardware -Desp.port=..., see {@link Board}): handshake,
 * reset, Wi-Fi join, its failures, leave. What the emulator's tests assume about the firmware
 * (the "confidence: check" rules of the spec) is checked here against the real thing.
 */
@ExtendWith(Board.Present.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeviceHardwareIT {
  private static EspAt esp;

  @BeforeAll
  static void open() {
    esp = Board.open();
    System.out.println("board on " + esp.transport().description() + ": firmware " + esp.firmware().version()
        + ", capabilities " + esp.capabilities());
  }

  @AfterAll
  static void close() {
    if (esp != null) {
      esp.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("P-04 P-14 P-40: the handshake turned echo off and SYSLOG on, and read the version from AT+GMR")
  void handshake() {
    assertThat(esp.firmware().version()).isNotNull();
    assertThat(esp.execute(AtCommand.execute("")).succeeded()).isTrue();
    assertThat(esp.execute(AtCommand.query("+SYSLOG")).information("SYSLOG")).containsExactly("1");
    assertThat(esp.execute(AtCommand.execute("+GMR")).textLines()).anyMatch(l -> l.startsWith("AT version:"));
  }

  @Test
  @Order(2)
  @DisplayName("P-40 P-51: AT+RST, ready, and a new handshake (SYSLOG, lost with RAM, is on again)")
  void reset() {
    esp.reset();
    assertThat(esp.execute(AtCommand.query("+SYSLOG")).information("SYSLOG")).containsExactly("1");
    assertThat(esp.execute(AtCommand.query("+CWMODE")).information("CWMODE")).isNotEmpty();
  }

  @Test
  @Order(3)
  @DisplayName("P-42: a wrong password is WifiJoinException.WrongPassword")
  void wrongPassword() {
    HttpScenarios.wrongPassword(esp, Board.wifi().ssid());
  }

  @Test
  @Order(4)
  @DisplayName("P-42: an SSID nobody broadcasts is WifiJoinException.AccessPointNotFound")
  void unknownSsid() {
    HttpScenarios.unknownSsid(esp);
  }

  @Test
  @Order(5)
  @DisplayName("P-41 P-42: join, AT+CWSTATE? reads GOT_IP with the SSID, leave")
  void joinStatusLeave() {
    Board.Network network = Board.wifi();
    esp.wifi().join(network.ssid(), network.password(), java.time.Duration.ofSeconds(30));
    WifiStatus status = esp.wifi().status();
    assertThat(status.state()).isEqualTo(WifiStatus.State.GOT_IP);
    assertThat(status.ssid()).contains(network.ssid());
    esp.wifi().leave();
    assertThat(esp.wifi().status().hasIp()).isFalse();
  }
}
