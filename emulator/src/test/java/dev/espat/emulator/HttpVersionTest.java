package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** P-27: the HTTP commands exist from the release that brought them; sizes and timeout since 3.0. */
class HttpVersionTest {

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(delimiter = '|', value = {
      "AT+HTTPCPUT=\"http://h/\",1          | 2.2 | ERR CODE:0x01090000",
      "AT+HTTPCHEAD=0                       | 3.0 | ERR CODE:0x01090000",
      "AT+HTTPCFG=0                         | 3.1 | ERR CODE:0x01090000",
      "AT+HTTPCFG=0                         | 4.1 | OK",
      "AT+HTTPCGET=\"http://h/\"            | 2.2 | ERR CODE:0x01090000",
      "AT+HTTPGETSIZE=\"http://h/\",,,10    | 2.2 | ERR CODE:0x01060000"})
  @DisplayName("P-27: a command or parameter the release lacks answers ERROR with its code")
  void gating(String line, String firmware, String answer) {
    try (EmulatorSession s = EmulatorSession.start(EspAtEmulator.builder().firmware(firmware))) {
      s.exchange("AT+SYSLOG=1\r\n");
      assertThat(s.exchange(line.strip() + "\r\n")).startsWith(answer.equals("OK") ? "\\r\\nOK" : answer);
    }
  }
}
