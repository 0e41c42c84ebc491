package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What Wi-Fi settings survive AT+RST, what AT+RESTORE clears, and auto-connect (P-40, P-41, P-45). */
class WifiPersistenceTest {

  private static final String JOIN = "AT+CWJAP=\"espressif\",\"1234567890\"\r\n";
  private static final String JOINED = "WIFI CONNECTED\\r\\nWIFI GOT IP\\r\\n\\r\\nOK\\r\\n";
  private static final Duration QUIET = Duration.ofMillis(300);

  private static EmulatorSession start(EspAtEmulator.Builder builder) {
    return EmulatorSession.start(builder.accessPoint("espressif", "1234567890"));
  }

  @Test
  @DisplayName("P-40, P-45: with AT+SYSSTORE=1 mode and network survive AT+RST and the station rejoins after ready")
  void autoConnectAfterReset() {
    try (EmulatorSession s = start(EspAtEmulator.builder())) {
      s.exchange("AT+CWMODE=3\r\n");
      assertThat(s.exchange(JOIN)).isEqualTo(JOINED);
      s.send("AT+RST\r\n");
      assertThat(s.readUntilEnd("WIFI GOT IP\\r\\n", RawHost.PATIENCE))
          .isEqualTo("\\r\\nOK\\r\\n\\r\\nready\\r\\nWIFI CONNECTED\\r\\nWIFI GOT IP\\r\\n");
      assertThat(s.exchange("ATE0\r\n")).as("echo back on after the reset").isEqualTo("ATE0\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWMODE?\r\n")).isEqualTo("+CWMODE:3\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:2,\"espressif\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWJAP?\r\n")).startsWith("+CWJAP:\"espressif\",");
    }
  }

  @Test
  @DisplayName("P-45, P-51: auto-connect takes the join delay (AT+CWSTATE? reads 3 meanwhile); AT+CWQAP cancels it")
  void autoConnectTakesTheJoinDelay() {
    try (EmulatorSession s = start(EspAtEmulator.builder().joinDelay(Duration.ofSeconds(1)))) {
      s.exchange(JOIN);
      s.reboot("AT+RST\r\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:3,\"espressif\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.readUntilEnd("WIFI GOT IP\\r\\n", RawHost.PATIENCE)).isEqualTo("WIFI CONNECTED\\r\\nWIFI GOT IP\\r\\n");

      s.reboot("AT+RST\r\n");
      assertThat(s.exchange("AT+CWQAP\r\n")).as("a pending join is not a connection").isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.drainFor(Duration.ofMillis(1500))).isEmpty();
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:4,\"espressif\"\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-45: with AT+CWAUTOCONN=0 (stored at once) the device stays offline after a reset; AT+CWJAP rejoins")
  void autoConnectOff() {
    try (EmulatorSession s = start(EspAtEmulator.builder())) {
      assertThat(s.exchange("AT+CWAUTOCONN?\r\n")).isEqualTo("+CWAUTOCONN:1\\r\\n\\r\\nOK\\r\\n");
      s.exchange(JOIN);
      assertThat(s.exchange("AT+CWAUTOCONN=0\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.reboot("AT+RST\r\n")).isEqualTo("\\r\\nOK\\r\\n\\r\\nready\\r\\n");
      assertThat(s.drainFor(QUIET)).isEmpty();
      assertThat(s.exchange("AT+CWAUTOCONN?\r\n")).isEqualTo("+CWAUTOCONN:0\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:0,\"espressif\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWJAP?\r\n")).isEqualTo("No AP\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWJAP\r\n")).as("the stored network").isEqualTo(JOINED);
    }
  }

  @Test
  @DisplayName("P-45: with AT+SYSSTORE=0 neither AT+CWMODE nor AT+CWJAP reaches flash")
  void sysstoreOff() {
    try (EmulatorSession s = start(EspAtEmulator.builder())) {
      s.exchange("AT+SYSSTORE=0\r\n");
      s.exchange("AT+CWMODE=3\r\n");
      assertThat(s.exchange(JOIN)).isEqualTo(JOINED);
      s.reboot("AT+RST\r\n");
      assertThat(s.drainFor(QUIET)).isEmpty();
      assertThat(s.exchange("AT+CWMODE?\r\n")).isEqualTo("+CWMODE:1\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:0,\"\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWJAP\r\n")).as("nothing to rejoin").isEqualTo("\\r\\nERROR\\r\\n");
    }
  }

  @Test
  @DisplayName("P-40: AT+RESTORE clears the stored mode, network and auto-connect setting")
  void restoreClears() {
    try (EmulatorSession s = start(EspAtEmulator.builder())) {
      s.exchange("AT+CWMODE=3\r\n");
      s.exchange(JOIN);
      s.exchange("AT+CWAUTOCONN=0\r\n");
      assertThat(s.reboot("AT+RESTORE\r\n")).isEqualTo("\\r\\nOK\\r\\n\\r\\nready\\r\\n");
      assertThat(s.drainFor(QUIET)).isEmpty();
      assertThat(s.exchange("AT+CWMODE?\r\n")).isEqualTo("+CWMODE:1\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:0,\"\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWAUTOCONN?\r\n")).isEqualTo("+CWAUTOCONN:1\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-41, P-45: AT+CWMODE back to a station mode joins the stored network, unless auto_connect is 0")
  void modeSwitchAutoConnects() {
    try (EmulatorSession s = start(EspAtEmulator.builder())) {
      s.exchange(JOIN);
      s.send("AT+CWMODE=2\r\n");
      s.readUntilEnd("WIFI DISCONNECT\\r\\n", RawHost.PATIENCE);
      s.send("AT+CWMODE=1\r\n");
      assertThat(s.readUntilEnd("WIFI GOT IP\\r\\n", RawHost.PATIENCE))
          .isEqualTo("\\r\\nOK\\r\\nWIFI CONNECTED\\r\\nWIFI GOT IP\\r\\n");

      s.send("AT+CWMODE=0\r\n");
      s.readUntilEnd("WIFI DISCONNECT\\r\\n", RawHost.PATIENCE);
      assertThat(s.exchange("AT+CWMODE=3,0\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.drainFor(QUIET)).isEmpty();
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:0,\"espressif\"\\r\\n\\r\\nOK\\r\\n");
    }
  }
}
