package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.grammar.Bytes;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Golden transcripts and basic commands over an in-memory connection. */
class BasicTranscriptTest {

  private EspAtEmulator esp;
  private RawHost host;

  @BeforeEach
  void start() {
    esp = EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(50)).start();
    InMemoryConnection c = esp.connect();
    host = new RawHost(c.input(), c.output(), c);
  }

  @AfterEach
  void stop() throws Exception {
    host.close();
    esp.close();
  }

  private String exchange(String line) {
    return Bytes.show(host.exchange(line));
  }

  @Test
  @DisplayName("transcript 2 (P-04): echo is on after boot")
  void echoOn() {
    assertThat(exchange("AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
  }

  @Test
  @DisplayName("transcripts 1, 3-6 with echo off and SYSLOG")
  void transcripts() {
    assertThat(exchange("ATE0\r\n")).isEqualTo("ATE0\\r\\n\\r\\nOK\\r\\n");
    assertThat(exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    assertThat(exchange("AT+BOGUS\r\n")).isEqualTo("\\r\\nERROR\\r\\n");
    assertThat(exchange("AT+SYSLOG=1\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    assertThat(exchange("AT+SYSLOG?\r\n")).isEqualTo("+SYSLOG:1\\r\\n\\r\\nOK\\r\\n");
    assertThat(exchange("AT+BOGUS\r\n")).isEqualTo("ERR CODE:0x01090000\\r\\n\\r\\nERROR\\r\\n");
    assertThat(exchange("AT+GMR=" + "x".repeat(250) + "\r\n")).isEqualTo("ERR CODE:0x01030000\\r\\n\\r\\nERROR\\r\\n");
    assertThat(exchange("at\r\n")).isEqualTo("ERR CODE:0x01030000\\r\\n\\r\\nERROR\\r\\n");
    assertThat(exchange("AT+SYSLOG=2\r\n")).isEqualTo("ERR CODE:0x01080001\\r\\n\\r\\nERROR\\r\\n");
    assertThat(exchange("AT+SYSLOG=1,1\r\n")).isEqualTo("ERR CODE:0x01060000\\r\\n\\r\\nERROR\\r\\n");
    assertThat(exchange("AT+GMR?\r\n")).isEqualTo("ERR CODE:0x010c0000\\r\\n\\r\\nERROR\\r\\n");
  }

  @Test
  @DisplayName("P-40: AT+GMR prints the profile's four version lines")
  void gmr() {
    exchange("ATE0\r\n");
    assertThat(exchange("AT+GMR\r\n")).startsWith("AT version:4.1.0.0(").contains("- ESP32 -", "SDK version:", "compile time", "Bin version:v4.1.0.0").endsWith("\\r\\n\\r\\nOK\\r\\n");
  }

  @Test
  @DisplayName("P-40: AT+RST answers OK, then ready; RAM settings are lost, flash ones kept")
  void reset() {
    exchange("ATE0\r\n");
    exchange("AT+SYSLOG=1\r\n");
    exchange("AT+UART_DEF=9600,8,1,0,0\r\n");
    assertThat(exchange("AT+RST\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    assertThat(Bytes.show(host.readUntil(b -> RawHost.endsWith(b, "ready\r\n"), RawHost.PATIENCE))).isEqualTo("\\r\\nready\\r\\n");
    assertThat(exchange("AT+SYSLOG?\r\n")).as("echo back on, syslog off").isEqualTo("AT+SYSLOG?\\r\\n+SYSLOG:0\\r\\n\\r\\nOK\\r\\n");
    assertThat(exchange("AT+UART_CUR?\r\n")).contains("+UART_CUR:9600,8,1,0,0");
  }

  @Test
  @DisplayName("P-40: AT+RESTORE answers OK, then ready; flash settings back to factory")
  void restore() {
    exchange("AT+UART_DEF=9600,8,1,0,0\r\n");
    exchange("AT+SYSSTORE=0\r\n");
    assertThat(exchange("AT+RESTORE\r\n")).endsWith("\\r\\nOK\\r\\n");
    host.readUntil(b -> RawHost.endsWith(b, "ready\r\n"), RawHost.PATIENCE);
    assertThat(exchange("AT+UART_DEF?\r\n")).contains("+UART_DEF:115200,8,1,0,0");
    assertThat(exchange("AT+SYSSTORE?\r\n")).contains("+SYSSTORE:1");
  }
}
