package dev.espat.emulator.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.RawHost;
import dev.espat.grammar.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The serial port over the whole path jSerialComm takes with real hardware, with a pty as the
 * "USB-serial adapter": the emulator opens the slave as its serial device, the test holds the
 * master and plays the microcontroller on the other end of the wire.
 */
class SerialPortIT {

  private Pty wire;
  private EspAtEmulator esp;
  private RawHost mcu;

  @BeforeAll
  static void needPtys() {
    assumeTrue(Posix.supported(), "the stand-in serial device is a pty; ptys need Linux or macOS");
  }

  @BeforeEach
  void start() throws IOException {
    wire = Pty.open();
    mcu = WireEnd.on(wire);
    esp = EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(50)).serial(wire.slavePath(), 115200).start();
  }

  @AfterEach
  void stop() throws Exception {
    esp.close();
    mcu.close();
  }

  private SerialPort port() {
    return (SerialPort) esp.device().ports().getFirst();
  }

  private String exchange(String line) {
    return Bytes.show(mcu.exchange(line));
  }

  /** The rate the serial device itself is set to, as stty reports it. */
  private String sttySpeed() throws Exception {
    String flag = System.getProperty("os.name").startsWith("Mac") ? "-f" : "-F";
    Process stty = new ProcessBuilder("stty", flag, wire.slavePath(), "speed").redirectErrorStream(true).start();
    assertThat(stty.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
  }

  @Test
  @DisplayName("the wire is connected from power-on: the microcontroller sees ready, then the transcripts")
  void readyThenTranscripts() {
    assertThat(Bytes.show(mcu.readUntil(b -> Bytes.show(b).endsWith("ready\\r\\n"), RawHost.PATIENCE)))
        .isEqualTo("\\r\\nready\\r\\n");
    assertThat(exchange("AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
    assertThat(exchange("ATE0\r\n")).isEqualTo("ATE0\\r\\n\\r\\nOK\\r\\n");
    assertThat(exchange("AT+BOGUS\r\n")).isEqualTo("\\r\\nERROR\\r\\n");
    assertThat(port().describe()).isEqualTo("serial " + wire.slavePath() + " at 115200 baud, 8N1");
  }

  @Test
  @DisplayName("P-44: AT+UART_CUR answers OK, then the real port switches rate; a reset goes back to the stored rate")
  void uartCurChangesTheRealPortsRate() throws Exception {
    mcu.readUntil(b -> Bytes.show(b).endsWith("ready\\r\\n"), RawHost.PATIENCE);
    assertThat(sttySpeed()).isEqualTo("115200");
    assertThat(exchange("AT+UART_CUR=9600,8,1,0,0\r\n")).isEqualTo("AT+UART_CUR=9600,8,1,0,0\\r\\n\\r\\nOK\\r\\n");
    esp.device().device().idle().get();
    assertThat(port().baudRate()).isEqualTo(9600);
    assertThat(sttySpeed()).isEqualTo("9600");
    assertThat(exchange("AT+RST\r\n")).endsWith("\\r\\nOK\\r\\n");
    mcu.readUntil(b -> Bytes.show(b).endsWith("ready\\r\\n"), RawHost.PATIENCE);
    esp.device().device().idle().get();
    assertThat(sttySpeed()).as("AT+UART_CUR is not kept over a reset").isEqualTo("115200");
  }
}
