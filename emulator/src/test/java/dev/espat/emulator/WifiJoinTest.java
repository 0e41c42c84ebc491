package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.trace.TraceEvent;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Joining and leaving networks: AT+CWMODE, AT+CWJAP, AT+CWQAP, AT+CWSTATE, AT+CWLAP (P-41, P-42). */
class WifiJoinTest {

  private static final String JOINED = "WIFI CONNECTED\\r\\nWIFI GOT IP\\r\\n\\r\\nOK\\r\\n";

  private static EmulatorSession withEspressifAp() {
    return EmulatorSession.start(EspAtEmulator.builder().accessPoint("espressif", "1234567890"));
  }

  @Test
  @DisplayName("transcript 15 (P-42): the join answers WIFI CONNECTED, WIFI GOT IP, a blank line, OK")
  void transcript15Success() {
    try (EmulatorSession s = withEspressifAp()) {
      assertThat(s.exchange("AT+CWJAP=\"espressif\",\"1234567890\"\r\n")).isEqualTo(JOINED);
    }
  }

  @Test
  @DisplayName("transcript 15 (P-42): a wrong password for a known AP answers +CWJAP:2 then ERROR")
  void transcript15WrongPassword() {
    try (EmulatorSession s = withEspressifAp()) {
      assertThat(s.exchange("AT+CWJAP=\"espressif\",\"wrong\"\r\n")).isEqualTo("+CWJAP:2\\r\\n\\r\\nERROR\\r\\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:4,\"espressif\"\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-42: an SSID the emulator does not know answers +CWJAP:3 then ERROR (with SYSLOG, 0x010a0000)")
  void apNotFound() {
    try (EmulatorSession s = withEspressifAp()) {
      assertThat(s.exchange("AT+CWJAP=\"elsewhere\",\"1234567890\"\r\n")).isEqualTo("+CWJAP:3\\r\\n\\r\\nERROR\\r\\n");
      s.exchange("AT+SYSLOG=1\r\n");
      assertThat(s.exchange("AT+CWJAP=\"elsewhere\",\"1234567890\"\r\n"))
          .isEqualTo("+CWJAP:3\\r\\nERR CODE:0x010a0000\\r\\n\\r\\nERROR\\r\\n");
    }
  }

  @Test
  @DisplayName("P-42: with no access points configured any SSID and password join")
  void anyNetworkJoinsWithoutConfiguredAps() {
    try (EmulatorSession s = EmulatorSession.start()) {
      assertThat(s.exchange("AT+CWJAP=\"whatever\",\"anything\"\r\n")).isEqualTo(JOINED);
    }
  }

  @Test
  @DisplayName("P-41, P-42: AT+CWMODE is 1 from the factory; in mode 2 (softAP) AT+CWJAP and AT+CWLAP answer ERROR")
  void stationModeRequired() {
    try (EmulatorSession s = withEspressifAp()) {
      assertThat(s.exchange("AT+CWMODE?\r\n")).isEqualTo("+CWMODE:1\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWMODE=?\r\n")).isEqualTo("+CWMODE:(0-3)\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWMODE=2\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWMODE?\r\n")).isEqualTo("+CWMODE:2\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWJAP=\"espressif\",\"1234567890\"\r\n")).isEqualTo("\\r\\nERROR\\r\\n");
      assertThat(s.exchange("AT+CWLAP\r\n")).isEqualTo("\\r\\nERROR\\r\\n");
      assertThat(s.exchange("AT+CWMODE=3\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWJAP=\"espressif\",\"1234567890\"\r\n")).isEqualTo(JOINED);
    }
  }

  @Test
  @DisplayName("P-41: leaving station mode while connected disconnects, after the OK")
  void modeWithoutStationDisconnects() {
    try (EmulatorSession s = withEspressifAp()) {
      s.exchange("AT+CWJAP=\"espressif\",\"1234567890\"\r\n");
      s.send("AT+CWMODE=2\r\n");
      assertThat(s.readUntilEnd("WIFI DISCONNECT\\r\\n", RawHost.PATIENCE)).isEqualTo("\\r\\nOK\\r\\nWIFI DISCONNECT\\r\\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:0,\"espressif\"\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-42: AT+CWJAP? and AT+CWSTATE? before joining, after joining and after AT+CWQAP")
  void queriesAroundAJoin() {
    try (EmulatorSession s = withEspressifAp()) {
      assertThat(s.exchange("AT+CWJAP?\r\n")).isEqualTo("No AP\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:0,\"\"\\r\\n\\r\\nOK\\r\\n");

      s.exchange("AT+CWJAP=\"espressif\",\"1234567890\"\r\n");
      assertThat(s.exchange("AT+CWJAP?\r\n"))
          .matches("\\+CWJAP:\"espressif\",\"[0-9a-f]{2}(:[0-9a-f]{2}){5}\",([1-9]|1[01]),-[4-6][0-9],0,1,3,0,1\\\\r\\\\n\\\\r\\\\nOK\\\\r\\\\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:2,\"espressif\"\\r\\n\\r\\nOK\\r\\n");

      assertThat(s.exchange("AT+CWQAP\r\n")).isEqualTo("WIFI DISCONNECT\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWQAP\r\n")).as("not connected any more").isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWJAP?\r\n")).isEqualTo("No AP\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:4,\"espressif\"\\r\\n\\r\\nOK\\r\\n");

      assertThat(s.exchange("AT+CWJAP\r\n")).as("execute: the last network again").isEqualTo(JOINED);
    }
  }

  @Test
  @DisplayName("P-42: joining while connected writes WIFI DISCONNECT first")
  void rejoinDisconnectsFirst() {
    try (EmulatorSession s = EmulatorSession.start()) {
      s.exchange("AT+CWJAP=\"one\",\"pw\"\r\n");
      assertThat(s.exchange("AT+CWJAP=\"two\",\"pw\"\r\n")).isEqualTo("WIFI DISCONNECT\\r\\n" + JOINED);
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:2,\"two\"\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-42: the long form drivers send is accepted, and AT+CWJAP? reports its fields")
  void longForm() {
    try (EmulatorSession s = withEspressifAp()) {
      assertThat(s.exchange("AT+CWJAP=\"espressif\",\"1234567890\",,0,1,3,0,15,0\r\n")).isEqualTo(JOINED);
      assertThat(s.exchange("AT+CWJAP?\r\n")).endsWith(",0,1,3,0,0\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CWJAP=\"espressif\",\"1234567890\",,1,30,10,1,20,3\r\n")).isEqualTo("WIFI DISCONNECT\\r\\n" + JOINED);
      assertThat(s.exchange("AT+CWJAP?\r\n")).endsWith(",1,30,10,1,3\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-42: a BSSID must match the AP's; without configured APs it is what AT+CWJAP? reports")
  void bssid() {
    try (EmulatorSession s = withEspressifAp()) {
      assertThat(s.exchange("AT+CWJAP=\"espressif\",\"1234567890\",\"ca:d7:19:d8:a6:44\"\r\n"))
          .isEqualTo("+CWJAP:3\\r\\n\\r\\nERROR\\r\\n");
    }
    try (EmulatorSession s = EmulatorSession.start()) {
      assertThat(s.exchange("AT+CWJAP=\"abc\",\"0123456789\",\"CA:D7:19:D8:A6:44\"\r\n")).isEqualTo(JOINED);
      assertThat(s.exchange("AT+CWJAP?\r\n")).startsWith("+CWJAP:\"abc\",\"ca:d7:19:d8:a6:44\",");
    }
  }

  @Test
  @DisplayName("P-10, P-51: lines sent during a slow join answer busy p..., and the join still ends with OK")
  void busyDuringSlowJoin() {
    try (EmulatorSession s = EmulatorSession.start(EspAtEmulator.builder().joinDelay(Duration.ofSeconds(2)))) {
      s.exchange("AT+SYSLOG=1\r\n");
      s.send("AT+CWJAP=\"espressif\",\"1234567890\"\r\n");
      s.send("AT\r\n");
      assertThat(s.readUntilEnd("busy p...\\r\\n", Duration.ofMillis(1500)))
          .as("busy comes at once, before the join is done")
          .isEqualTo("ERR CODE:0x010b0000\\r\\n\\r\\nbusy p...\\r\\n");
      assertThat(s.readResponse()).isEqualTo(JOINED);
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-42, P-51: a join slower than its jap_timeout answers +CWJAP:1 (timeout) then ERROR")
  void joinTimeout() {
    try (EmulatorSession s = EmulatorSession.start(EspAtEmulator.builder().joinDelay(Duration.ofSeconds(30)))) {
      long start = System.nanoTime();
      assertThat(s.exchange("AT+CWJAP=\"slow\",\"pw\",,,,,,3\r\n")).isEqualTo("+CWJAP:1\\r\\n\\r\\nERROR\\r\\n");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:4,\"slow\"\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-45: AT+CWLAP lists the configured APs as (ecn,ssid,rssi,mac,channel,...); the set form filters")
  void scan() {
    try (EmulatorSession s = EmulatorSession.start(
        EspAtEmulator.builder().accessPoint("espressif", "1234567890").accessPoint("guest", ""))) {
      String all = s.exchange("AT+CWLAP\r\n");
      assertThat(all.split("\\\\r\\\\n")).hasSize(4);
      assertThat(all)
          .containsPattern("^\\+CWLAP:\\(3,\"espressif\",-[4-6][0-9],\"[0-9a-f:]{17}\",([1-9]|1[01]),0,0,4,4,7,0\\)\\\\r\\\\n")
          .containsPattern("\\+CWLAP:\\(0,\"guest\",-[4-6][0-9],\"[0-9a-f:]{17}\",([1-9]|1[01]),0,0,0,0,7,0\\)\\\\r\\\\n\\\\r\\\\nOK");
      assertThat(s.exchange("AT+CWLAP=\"guest\"\r\n")).startsWith("+CWLAP:(0,\"guest\",").doesNotContain("espressif");
      assertThat(s.exchange("AT+CWLAP=\"nobody\"\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-09: wrong parameters answer the grammar's codes with SYSLOG on, and nothing is joined")
  void parameterErrors() {
    try (EmulatorSession s = withEspressifAp()) {
      s.exchange("AT+SYSLOG=1\r\n");
      String[][] cases = {
          {"AT+CWMODE=4\r\n", "0x01080001"},
          {"AT+CWMODE=1,2\r\n", "0x01080002"},
          {"AT+CWJAP=\"espressif\"\r\n", "0x01060000"},
          {"AT+CWJAP=1,\"1234567890\"\r\n", "0x01080001"},
          {"AT+CWJAP=\"" + "s".repeat(33) + "\",\"1234567890\"\r\n", "0x01080001"},
          {"AT+CWJAP=\"espressif\",\"1234567890\",\"not-a-mac\"\r\n", "0x01080003"},
          {"AT+CWJAP=\"espressif\",\"1234567890\",,2\r\n", "0x01080004"},
          {"AT+CWJAP=\"espressif\",\"1234567890\",,0,7201\r\n", "0x01080005"},
          {"AT+CWJAP=\"espressif\",\"1234567890\",,0,1,0\r\n", "0x01080006"},
          {"AT+CWJAP=\"espressif\",\"1234567890\",,0,1,3,2\r\n", "0x01080007"},
          {"AT+CWJAP=\"espressif\",\"1234567890\",,0,1,3,0,2\r\n", "0x01080008"},
          {"AT+CWJAP=\"espressif\",\"1234567890\",,0,1,3,0,15,4\r\n", "0x01080009"},
          {"AT+CWJAP=\"espressif\",\"1234567890\",,0,1,3,0,15,0,1\r\n", "0x01060000"},
          {"AT+CWJAP=,\r\n", "0x01080001"},
          {"AT+CWAUTOCONN=2\r\n", "0x01080001"},
          {"AT+CWLAP=\"espressif\",,15\r\n", "0x01080003"},
          {"AT+CWSTATE=1\r\n", "0x010c0000"},
          {"AT+CWQAP?\r\n", "0x010c0000"},
      };
      for (String[] c : cases) {
        assertThat(s.exchange(c[0])).as(c[0]).isEqualTo("ERR CODE:" + c[1] + "\\r\\n\\r\\nERROR\\r\\n");
      }
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:0,\"\"\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-42: the Wi-Fi password never appears in the trace, echo on or off")
  void passwordNotTraced() {
    try (EmulatorSession s = EmulatorSession.start(EspAtEmulator.builder().accessPoint("espressif", "s3cret-Pa55"))) {
      s.exchange("ATE1\r\n");
      assertThat(s.exchange("AT+CWJAP=\"espressif\",\"s3cret-Pa55\"\r\n"))
          .as("echoed").isEqualTo("AT+CWJAP=\"espressif\",\"s3cret-Pa55\"\\r\\n" + JOINED);
      s.exchange("ATE0\r\n");
      s.exchange("AT+CWJAP=\"espressif\",\"s3cret-Pa55\",,0,1,3,0,15,0\r\n");
      s.exchange("AT+CWJAP?\r\n");
      assertThat(s.emulator().trace().events()).extracting(TraceEvent::text)
          .anySatisfy(t -> assertThat(t).contains("AT+CWJAP=\"espressif\""))
          .noneSatisfy(t -> assertThat(t).contains("s3cret"));
    }
  }
}
