package dev.espat.emulator.port;

import dev.espat.emulator.EspAtEmulator;
import java.time.Duration;

/** A process whose standard input and output are one emulated device, for {@link StdioPortIT}. */
public final class StdioMain {
  private StdioMain() {}

  public static void main(String[] args) {
    try (EspAtEmulator esp = EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(50)).stdio().start()) {
      StdioPort port = (StdioPort) esp.device().ports().getFirst();
      port.endOfInput().join();
    }
  }
}
