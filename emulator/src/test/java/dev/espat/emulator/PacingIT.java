package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.grammar.Bytes;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * P-50: output paced at the line rate. Timed against the wall clock with wide margins: the lower
 * bound is physics (a paced line cannot be faster), the upper one only catches a stuck device.
 */
class PacingIT {

  /** An overlong line is echoed whole: 11,520 bytes of output from one send. */
  private static byte[] longLine(int length) {
    byte[] line = new byte[length];
    Arrays.fill(line, (byte) 'A');
    line[length - 2] = '\r';
    line[length - 1] = '\n';
    return line;
  }

  private static long millisToReceive(EspAtEmulator esp, byte[] send, int expectedBytes) throws Exception {
    try (InMemoryConnection c = esp.connect(); RawHost host = new RawHost(c.input(), c.output(), c)) {
      long start = System.nanoTime();
      host.send(send);
      byte[] got = host.readUntil(b -> b.length >= expectedBytes, Duration.ofSeconds(30));
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      assertThat(got.length).isEqualTo(expectedBytes);
      assertThat(Bytes.show(got)).endsWith("\\r\\nERROR\\r\\n");
      return elapsed;
    }
  }

  @Test
  @DisplayName("P-50: 11,520 bytes at 115200 baud take at least 0.95 s")
  void pacedAt115200() throws Exception {
    try (EspAtEmulator esp = EspAtEmulator.builder().baudRate(115_200).start()) {
      int echo = 11_520 - "\r\nERROR\r\n".length();
      long ms = millisToReceive(esp, longLine(echo), 11_520);
      assertThat(ms).isBetween(950L, 10_000L);
    }
  }

  @Test
  @DisplayName("P-44 P-50: after AT+UART_CUR=230400 the same output takes about half as long")
  void fasterAfterUartCur() throws Exception {
    try (EspAtEmulator esp = EspAtEmulator.builder().baudRate(115_200).start()) {
      try (InMemoryConnection c = esp.connect(); RawHost host = new RawHost(c.input(), c.output(), c)) {
        assertThat(Bytes.show(host.exchange("AT+UART_CUR=230400,8,1,0,0\r\n"))).endsWith("\\r\\nOK\\r\\n");
      }
      int echo = 11_520 - "\r\nERROR\r\n".length();
      long ms = millisToReceive(esp, longLine(echo), 11_520);
      assertThat(ms).isBetween(475L, 900L);
    }
  }

  @Test
  @DisplayName("P-53: unpaced output of the same bytes is much faster than the line rate")
  void unpaced() throws Exception {
    try (EspAtEmulator esp = EspAtEmulator.builder().unpaced().start()) {
      int echo = 11_520 - "\r\nERROR\r\n".length();
      assertThat(millisToReceive(esp, longLine(echo), 11_520)).isLessThan(900L);
    }
  }
}
