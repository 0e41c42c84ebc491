package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The TCP/IP commands drivers send at start-up, before and after a join (P-43, P-45). */
class WifiNetworkCommandsTest {

  private static final String JOIN = "AT+CWJAP=\"espressif\",\"1234567890\"\r\n";
  private static final String MAC = "\"24:0a:c4(:[0-9a-f]{2}){3}\"";

  /** 2021-10-19 09:47:56 UTC: 17:47:56 in UTC+8. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-10-19T09:47:56Z"), ZoneOffset.UTC);

  @Test
  @DisplayName("P-45: AT+CIPSTA? shows 0.0.0.0 before a join and the station's address after; AT+CWQAP clears it")
  void stationAddress() {
    try (EmulatorSession s = EmulatorSession.start()) {
      assertThat(s.exchange("AT+CIPSTA?\r\n")).isEqualTo(
          "+CIPSTA:ip:\"0.0.0.0\"\\r\\n+CIPSTA:gateway:\"0.0.0.0\"\\r\\n+CIPSTA:netmask:\"0.0.0.0\"\\r\\n\\r\\nOK\\r\\n");
      s.exchange(JOIN);
      assertThat(s.exchange("AT+CIPSTA?\r\n")).isEqualTo(
          "+CIPSTA:ip:\"192.168.1.100\"\\r\\n+CIPSTA:gateway:\"192.168.1.1\"\\r\\n+CIPSTA:netmask:\"255.255.255.0\"\\r\\n\\r\\nOK\\r\\n");
      s.exchange("AT+CWQAP\r\n");
      assertThat(s.exchange("AT+CIPSTA?\r\n")).startsWith("+CIPSTA:ip:\"0.0.0.0\"");
      s.exchange("AT+CWMODE=2\r\n");
      assertThat(s.exchange("AT+CIPSTA?\r\n")).as("no station interface").isEqualTo("\\r\\nERROR\\r\\n");
    }
  }

  @Test
  @DisplayName("P-45: AT+CIFSR lists STAIP and STAMAC in mode 1, the softAP's APIP and APMAC too in mode 3")
  void localAddresses() {
    try (EmulatorSession s = EmulatorSession.start()) {
      String before = s.exchange("AT+CIFSR\r\n");
      assertThat(before).matches("\\+CIFSR:STAIP,\"0.0.0.0\"\\\\r\\\\n\\+CIFSR:STAMAC," + MAC + "\\\\r\\\\n\\\\r\\\\nOK\\\\r\\\\n");
      s.exchange(JOIN);
      String after = s.exchange("AT+CIFSR\r\n");
      assertThat(after).matches("\\+CIFSR:STAIP,\"192.168.1.100\"\\\\r\\\\n\\+CIFSR:STAMAC," + MAC + "\\\\r\\\\n\\\\r\\\\nOK\\\\r\\\\n");
      String staMac = after.substring(after.indexOf("STAMAC,") + 7, after.indexOf("STAMAC,") + 26);
      assertThat(before).as("the MAC is the device's, joined or not").contains(staMac);

      s.exchange("AT+CWMODE=3\r\n");
      String both = s.exchange("AT+CIFSR\r\n");
      assertThat(both).matches("\\+CIFSR:APIP,\"192.168.4.1\"\\\\r\\\\n\\+CIFSR:APMAC," + MAC + "\\\\r\\\\n"
          + "\\+CIFSR:STAIP,\"192.168.1.100\"\\\\r\\\\n\\+CIFSR:STAMAC," + MAC + "\\\\r\\\\n\\\\r\\\\nOK\\\\r\\\\n");
      assertThat(both.substring(both.indexOf("APMAC,") + 6, both.indexOf("APMAC,") + 25)).isNotEqualTo(staMac);
    }
  }

  @Test
  @DisplayName("P-45: AT+CIPSNTPCFG query and set; AT+CIPSNTPTIME? is the epoch until SNTP runs and Wi-Fi is up")
  void sntp() {
    try (EmulatorSession s = EmulatorSession.start(EspAtEmulator.builder().clock(CLOCK))) {
      assertThat(s.exchange("AT+CIPSNTPCFG?\r\n")).isEqualTo("+CIPSNTPCFG:0,0\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPSNTPTIME?\r\n")).isEqualTo("+CIPSNTPTIME:Thu Jan  1 00:00:00 1970\\r\\n\\r\\nOK\\r\\n");

      assertThat(s.exchange("AT+CIPSNTPCFG=1,8,\"cn.ntp.org.cn\",\"ntp.sjtu.edu.cn\"\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPSNTPCFG?\r\n"))
          .isEqualTo("+CIPSNTPCFG:1,8,\"cn.ntp.org.cn\",\"ntp.sjtu.edu.cn\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPSNTPTIME?\r\n")).as("no Wi-Fi yet: the epoch, in the zone")
          .isEqualTo("+CIPSNTPTIME:Thu Jan  1 08:00:00 1970\\r\\n\\r\\nOK\\r\\n");

      s.exchange(JOIN);
      assertThat(s.exchange("AT+CIPSNTPTIME?\r\n")).isEqualTo("+CIPSNTPTIME:Tue Oct 19 17:47:56 2021\\r\\n\\r\\nOK\\r\\n");

      s.exchange("AT+CIPSNTPCFG=1,530\r\n");
      assertThat(s.exchange("AT+CIPSNTPCFG?\r\n")).as("no servers given: the defaults; the zone shows its hours")
          .isEqualTo("+CIPSNTPCFG:1,5,\"cn.ntp.org.cn\",\"ntp.sjtu.edu.cn\",\"us.pool.ntp.org\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPSNTPTIME?\r\n")).isEqualTo("+CIPSNTPTIME:Tue Oct 19 15:17:56 2021\\r\\n\\r\\nOK\\r\\n");

      s.exchange("AT+CIPSNTPCFG=1,-5\r\n");
      assertThat(s.exchange("AT+CIPSNTPTIME?\r\n")).isEqualTo("+CIPSNTPTIME:Tue Oct 19 04:47:56 2021\\r\\n\\r\\nOK\\r\\n");

      s.exchange("AT+CIPSNTPCFG=0\r\n");
      assertThat(s.exchange("AT+CIPSNTPCFG?\r\n")).isEqualTo("+CIPSNTPCFG:0,0\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPSNTPTIME?\r\n")).isEqualTo("+CIPSNTPTIME:Thu Jan  1 00:00:00 1970\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-45: AT+CIPMUX and AT+CIPDINFO: 0 and false by default, settable, lost on AT+RST")
  void muxAndDinfo() {
    try (EmulatorSession s = EmulatorSession.start()) {
      assertThat(s.exchange("AT+CIPMUX?\r\n")).isEqualTo("+CIPMUX:0\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPDINFO?\r\n")).isEqualTo("+CIPDINFO:false\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPMUX=1\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPDINFO=1\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPMUX?\r\n")).isEqualTo("+CIPMUX:1\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPDINFO?\r\n")).isEqualTo("+CIPDINFO:true\\r\\n\\r\\nOK\\r\\n");
      s.reboot("AT+RST\r\n");
      assertThat(s.exchange("AT+CIPMUX?\r\n")).isEqualTo("+CIPMUX:0\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPDINFO?\r\n")).isEqualTo("+CIPDINFO:false\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-43, P-45: AT+CIPDOMAIN needs Wi-Fi, then resolves through the machine's resolver; a bad name is ERROR")
  void domain() {
    try (EmulatorSession s = EmulatorSession.start()) {
      s.exchange("AT+SYSLOG=1\r\n");
      assertThat(s.exchange("AT+CIPDOMAIN=\"localhost\"\r\n")).as("no IP yet")
          .isEqualTo("ERR CODE:0x010a0000\\r\\n\\r\\nERROR\\r\\n");
      s.exchange(JOIN);
      assertThat(s.exchange("AT+CIPDOMAIN=\"localhost\"\r\n")).isEqualTo("+CIPDOMAIN:\"127.0.0.1\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPDOMAIN=\"localhost\",2,5000\r\n")).isEqualTo("+CIPDOMAIN:\"127.0.0.1\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPDOMAIN=\"127.0.0.1\"\r\n")).isEqualTo("+CIPDOMAIN:\"127.0.0.1\"\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+CIPDOMAIN=\"[not-a-name\"\r\n")).as("rejected by the resolver, no lookup")
          .isEqualTo("ERR CODE:0x010a0000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(s.exchange("AT+CIPDOMAIN=\"127.0.0.1\",3\r\n")).as("IPv6 only: an IPv4 literal has none")
          .isEqualTo("ERR CODE:0x010a0000\\r\\n\\r\\nERROR\\r\\n");
    }
  }

  @Test
  @DisplayName("P-09: parameter errors of the network commands carry the grammar's codes")
  void parameterErrors() {
    try (EmulatorSession s = EmulatorSession.start()) {
      s.exchange("AT+SYSLOG=1\r\n");
      String[][] cases = {
          {"AT+CIPSNTPCFG=2\r\n", "0x01080001"},
          {"AT+CIPSNTPCFG=1,1560\r\n", "0x01080002"},
          {"AT+CIPSNTPCFG=1,-1300\r\n", "0x01080002"},
          {"AT+CIPSNTPCFG=1,8,cn.ntp.org.cn\r\n", "0x01080003"},
          {"AT+CIPSNTPCFG=1,8,\"a\",\"b\",\"c\",\"d\"\r\n", "0x01060000"},
          {"AT+CIPMUX=2\r\n", "0x01080001"},
          {"AT+CIPDINFO=-1\r\n", "0x01080001"},
          {"AT+CIPDOMAIN=\"\"\r\n", "0x01080001"},
          {"AT+CIPDOMAIN=\"localhost\",4\r\n", "0x01080002"},
          {"AT+CIPDOMAIN=\"localhost\",1,60001\r\n", "0x01080003"},
          {"AT+CIPDOMAIN=\"localhost\",1,0,2\r\n", "0x01080004"},
          {"AT+CIPSTA=\"1.2.3.4\"\r\n", "0x010c0000"},
          {"AT+CIFSR?\r\n", "0x010c0000"},
          {"AT+CIPSNTPTIME\r\n", "0x010c0000"},
      };
      for (String[] c : cases) {
        assertThat(s.exchange(c[0])).as(c[0]).isEqualTo("ERR CODE:" + c[1] + "\\r\\n\\r\\nERROR\\r\\n");
      }
      assertThat(s.exchange("AT+CIPSNTPCFG?\r\n")).as("unchanged").isEqualTo("+CIPSNTPCFG:0,0\\r\\n\\r\\nOK\\r\\n");
    }
  }
}
