package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.grammar.Bytes;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The device behind a real TCP socket on loopback. */
class TcpPortIT {

  private EspAtEmulator esp;

  @BeforeEach
  void start() {
    esp = EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(20)).tcp("127.0.0.1", 0).start();
  }

  @AfterEach
  void stop() {
    esp.close();
  }

  private RawHost connect() throws Exception {
    InetSocketAddress address = esp.device().tcpAddress().orElseThrow();
    Socket socket = new Socket(address.getAddress(), address.getPort());
    return new RawHost(socket.getInputStream(), socket.getOutputStream(), socket);
  }

  private static String exchange(RawHost host, String line) {
    return Bytes.show(host.exchange(line));
  }

  @Test
  @DisplayName("transcripts 1-6 over TCP (P-01..P-09, P-14)")
  void transcripts() throws Exception {
    try (RawHost host = connect()) {
      assertThat(exchange(host, "AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
      assertThat(exchange(host, "ATE0\r\n")).isEqualTo("ATE0\\r\\n\\r\\nOK\\r\\n");
      assertThat(exchange(host, "AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(exchange(host, "AT+BOGUS\r\n")).isEqualTo("\\r\\nERROR\\r\\n");
      exchange(host, "AT+SYSLOG=1\r\n");
      assertThat(exchange(host, "AT+BOGUS\r\n")).isEqualTo("ERR CODE:0x01090000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(exchange(host, "AT+" + "X".repeat(252) + "\r\n")).isEqualTo("ERR CODE:0x01030000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(exchange(host, "AT+SYSLOG=9\r\n")).isEqualTo("ERR CODE:0x01080001\\r\\n\\r\\nERROR\\r\\n");
    }
  }

  @Test
  @DisplayName("a host that reconnects finds the device as it left it")
  void reconnect() throws Exception {
    try (RawHost host = connect()) {
      exchange(host, "ATE0\r\n");
      exchange(host, "AT+SYSLOG=1\r\n");
    }
    try (RawHost host = connect()) {
      assertThat(exchange(host, "AT+SYSLOG?\r\n")).isEqualTo("+SYSLOG:1\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("a second host at the same time is refused in one line, the first keeps the device")
  void secondHostRefused() throws Exception {
    try (RawHost first = connect()) {
      exchange(first, "ATE0\r\n");
      InetSocketAddress address = esp.device().tcpAddress().orElseThrow();
      try (Socket second = new Socket(address.getAddress(), address.getPort())) {
        InputStream in = second.getInputStream();
        String message = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(message).startsWith("esp-at: this device already has a host connected").endsWith("\r\n");
      }
      assertThat(exchange(first, "AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-52: ready after a reset with no host attached is lost, not handed to the next host")
  void outputWithoutHostIsLost() throws Exception {
    try (RawHost host = connect()) {
      exchange(host, "ATE0\r\n");
      host.send("AT+RST\r\n");
      // Leave before ready comes.
    }
    Thread.sleep(300);
    try (RawHost host = connect()) {
      assertThat(host.drainFor(Duration.ofMillis(300))).isEmpty();
      assertThat(exchange(host, "AT\r\n")).as("echo on again after the reset").isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("a line cut off by a disconnect is dropped; the next host starts clean")
  void halfLineDropped() throws Exception {
    try (RawHost host = connect()) {
      exchange(host, "ATE0\r\n");
      host.send("AT+GM");
      host.drainFor(Duration.ofMillis(100));
    }
    try (RawHost host = connect()) {
      assertThat(exchange(host, "AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-11: a host that vanishes in data mode leaves the device in command mode")
  void vanishInDataMode() throws Exception {
    try (RawHost host = connect()) {
      exchange(host, "ATE0\r\n");
      assertThat(exchange(host, "AT+HTTPURLCFG=20\r\n")).endsWith(">");
      host.send("http://");
      host.drainFor(Duration.ofMillis(100));
    }
    try (RawHost host = connect()) {
      assertThat(exchange(host, "AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(exchange(host, "AT+HTTPURLCFG?\r\n")).as("nothing half-stored").isEqualTo("\\r\\nOK\\r\\n");
    }
  }
}
