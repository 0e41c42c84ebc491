package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.Parameter;
import dev.espat.grammar.response.ResponseEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** AT+RST and AT+RESTORE (P-40, P-51), and a {@code ready} nobody asked for. */
class RestartIT {
  @TempDir Path dir;

  /** P-40: after AT+RST the driver waited for ready and handshook again: echo off, SYSLOG on. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(PortKind.class)
  void resetHandshakesAgain(PortKind kind) {
    try (EspAtEmulator emu = kind.configure(EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(100)), dir).start();
         EspAt esp = kind.builder(emu).open()) {
      esp.execute(AtCommand.set("+SLEEP", Parameter.integer(0)));
      esp.reset();
      assertThat(esp.execute(AtCommand.query("+SLEEP")).information("SLEEP")).as("RAM lost").containsExactly("1");
      Response syslog = esp.execute(AtCommand.query("+SYSLOG"));
      assertThat(syslog.textLines()).as("no echo").isEmpty();
      assertThat(syslog.information("SYSLOG")).containsExactly("1");
    }
  }

  /** P-40, P-45: AT+RESTORE clears flash (AT+SYSSTORE back to 1), then ready and a new handshake. */
  @Test
  void restore() {
    try (EspAtEmulator emu = EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(50)).start();
         EspAt esp = PortKind.IN_MEMORY.builder(emu).open()) {
      esp.execute(AtCommand.set("+SYSSTORE", Parameter.integer(0)));
      esp.restore();
      assertThat(esp.execute(AtCommand.query("+SYSSTORE")).information("SYSSTORE")).containsExactly("1");
      assertThat(esp.firmware().version()).isEqualTo(FirmwareVersion.of(4, 1));
    }
  }

  /**
   * P-40: a reset issued through a second path (bytes written straight to the device) makes a
   * {@code ready} that reaches listeners; the driver handshakes again before its next command.
   */
  @Test
  void readyFromElsewhereReachesListeners() throws Exception {
    try (EspAtEmulator emu = EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(50)).start()) {
      InMemoryConnection c = emu.connect();
      try (EspAt esp = EspAt.builder(Transport.of(c.input(), c.output(), c)).open()) {
        BlockingQueue<ResponseEvent> heard = new LinkedBlockingQueue<>();
        esp.addListener(heard::add);
        c.output().write("AT+RST\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isInstanceOf(ResponseEvent.Ready.class);
        Response syslog = esp.execute(AtCommand.query("+SYSLOG"));
        assertThat(syslog.information("SYSLOG")).as("handshake redone after the reset").containsExactly("1");
        assertThat(syslog.textLines()).as("echo off again").isEmpty();
      }
    }
  }

  /** P-40: ready in the middle of a command fails it with DeviceResetException, at once. */
  @Test
  void readyUnderACommandFailsIt() throws Exception {
    try (ScriptedDevice device = new ScriptedDevice(ScriptedDevice.afterHandshake(
            line -> line.equals("AT+CWMODE?") ? "\r\nready\r\n" : null));
         EspAt esp = EspAt.open(device.url())) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> esp.execute(AtCommand.query("+CWMODE")))
          .isInstanceOf(DeviceResetException.class)
          .hasMessageContaining("AT+CWMODE?");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }
}
