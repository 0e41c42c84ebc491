package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.grammar.Bytes;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Data mode through the commands that store HTTP settings (P-11, P-12, P-24, P-25). */
class DataModeTest {

  private EmulatorSession session;
  private RawHost host;

  @BeforeEach
  void start() {
    use(EmulatorSession.start());
  }

  private void use(EmulatorSession s) {
    session = s;
    host = s.host();
  }

  @AfterEach
  void stop() {
    session.close();
  }

  private String exchange(String line) {
    return session.exchange(line);
  }

  @Test
  @DisplayName("P-11 P-12 P-24 transcript 12: prompt, exactly n raw bytes (binary, +++, CR LF), unechoed, SET OK")
  void binaryUrl() {
    byte[] url = Bytes.concat(Bytes.of("http://h/+++\r\nAT\r\n"), new byte[] {0, (byte) 0xFF, ',', '"'});
    assertThat(exchange("ATE1\r\n")).as("echo is decided as bytes arrive: ATE1 itself is not echoed").isEqualTo("\\r\\nOK\\r\\n");
    host.send("AT+HTTPURLCFG=" + url.length + "\r\n");
    assertThat(Bytes.show(host.readResponse())).isEqualTo("AT+HTTPURLCFG=" + url.length + "\\r\\n\\r\\nOK\\r\\n\\r\\n>");
    host.send(url);
    assertThat(Bytes.show(host.readResponse())).as("no echo in data mode").isEqualTo("\\r\\nSET OK\\r\\n");
    exchange("ATE0\r\n");
    assertThat(host.exchange("AT+HTTPURLCFG?\r\n"))
        .isEqualTo(Bytes.concat(Bytes.of("+HTTPURLCFG:" + url.length + ","), url, Bytes.of("\r\n\r\nOK\r\n")));
  }

  @Test
  @DisplayName("P-24: 0 clears; lengths outside 8..8192 are a parameter error")
  void urlLengths() {
    exchange("AT+SYSLOG=1\r\n");
    assertThat(exchange("AT+HTTPURLCFG=7\r\n")).isEqualTo("ERR CODE:0x01080001\\r\\n\\r\\nERROR\\r\\n");
    assertThat(exchange("AT+HTTPURLCFG=8193\r\n")).isEqualTo("ERR CODE:0x01080001\\r\\n\\r\\nERROR\\r\\n");
    assertThat(exchange("AT+HTTPURLCFG=8\r\n")).endsWith(">");
    host.send("http://x");
    assertThat(Bytes.show(host.readResponse())).isEqualTo("\\r\\nSET OK\\r\\n");
    assertThat(exchange("AT+HTTPURLCFG=0\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    assertThat(exchange("AT+HTTPURLCFG?\r\n")).isEqualTo("\\r\\nOK\\r\\n");
  }

  @Test
  @DisplayName("P-25 transcript 13: headers stored in data mode, same key replaced (4.1), listed, cleared")
  void headers() {
    assertThat(exchange("AT+HTTPCHEAD=18\r\n")).isEqualTo("\\r\\nOK\\r\\n\\r\\n>");
    host.send("Range: bytes=0-255");
    assertThat(Bytes.show(host.readResponse())).isEqualTo("\\r\\nOK\\r\\n");
    exchange("AT+HTTPCHEAD=18\r\n");
    host.send("range: bytes=0-511");
    host.readResponse();
    exchange("AT+HTTPCHEAD=9\r\n");
    host.send("X-Test: 1");
    host.readResponse();
    assertThat(exchange("AT+HTTPCHEAD?\r\n"))
        .isEqualTo("+HTTPCHEAD:0,\"range: bytes=0-511\"\\r\\n+HTTPCHEAD:1,\"X-Test: 1\"\\r\\n\\r\\nOK\\r\\n");
    exchange("AT+HTTPCHEAD=0\r\n");
    assertThat(exchange("AT+HTTPCHEAD?\r\n")).isEqualTo("\\r\\nOK\\r\\n");
  }

  @Test
  @DisplayName("P-13: in data mode the device waits for the bytes; lines sent meanwhile are data")
  void waitsForData() {
    exchange("AT+HTTPURLCFG=12\r\n");
    host.send("http://");
    assertThat(host.drainFor(Duration.ofMillis(300))).isEmpty();
    host.send("AT\r\n");
    assertThat(host.drainFor(Duration.ofMillis(300))).as("still 1 byte short").isEmpty();
    host.send("x");
    assertThat(Bytes.show(host.readResponse())).isEqualTo("\\r\\nSET OK\\r\\n");
    assertThat(host.exchange("AT+HTTPURLCFG?\r\n")).isEqualTo(Bytes.of("+HTTPURLCFG:12,http://AT\r\nx\r\n\r\nOK\r\n"));
  }

  @Test
  @DisplayName("P-13 (extension): with a data-mode timeout the command fails and command mode returns")
  void dataModeTimeout() {
    session.close();
    use(EmulatorSession.start(EspAtEmulator.builder().dataModeTimeout(Duration.ofMillis(200))));
    exchange("AT+HTTPURLCFG=20\r\n");
    host.send("http://");
    assertThat(Bytes.show(host.readResponse())).isEqualTo("\\r\\nERROR\\r\\n");
    assertThat(exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
  }
}
