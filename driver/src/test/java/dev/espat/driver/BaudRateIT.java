package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.grammar.AtCommand;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * P-44, P-50: AT+UART_CUR over a pty opened through the serial transport. The emulator paces its
 * output at the rate it runs at; the driver's port follows the switch, and a reset brings both
 * back to the boot rate.
 */
class BaudRateIT {
  @TempDir Path dir;

  @Test
  void changeBaudRateOverAPty() {
    try (EspAtEmulator emu = PortKind.PTY.configure(EspAtEmulator.builder().bootDelay(Duration.ofMillis(50)), dir).start();
         EspAt esp = PortKind.PTY.builder(emu).open()) {
      assertThat(esp.transport().baudRate()).hasValue(115_200);
      timeGmr(esp); // warm up: the first round trip pays for class loading
      Duration fast = timeGmr(esp);

      esp.changeBaudRate(9600);
      assertThat(esp.transport().baudRate()).hasValue(9600);
      assertThat(esp.execute(AtCommand.query("+UART_CUR")).information("UART_CUR").getFirst()).startsWith("9600,");
      Duration slow = timeGmr(esp);
      // AT+GMR's answer is about 200 bytes: ~20 ms at 115200, ~200 ms at 9600 (P-50).
      assertThat(slow).isGreaterThan(Duration.ofMillis(150)).isGreaterThan(fast);

      esp.reset(); // AT+UART_CUR is not kept (P-44): the device boots at 115200 again
      assertThat(esp.transport().baudRate()).hasValue(115_200);
      assertThat(esp.execute(AtCommand.query("+UART_CUR")).information("UART_CUR").getFirst()).startsWith("115200,");
    }
  }

  private static Duration timeGmr(EspAt esp) {
    long start = System.nanoTime();
    esp.execute(AtCommand.execute("+GMR"));
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
