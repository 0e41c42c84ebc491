package dev.espat.emulator.port;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.emulator.EspAtEmulator;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user who names the wrong serial device is told. */
class SerialPortTest {

  @Test
  @DisplayName("a device that does not exist: the message names it")
  void missingDevice() {
    assertThatThrownBy(() -> EspAtEmulator.builder().serial("/dev/ttyNOSUCHESP", 115200).start())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("/dev/ttyNOSUCHESP")
        .hasMessageContaining("cannot open the serial device");
  }

  @Test
  @DisplayName("a file that is not a serial device: the message names it and says why")
  void notATerminal(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-tty"), "");
    assertThatThrownBy(() -> EspAtEmulator.builder().serial(file.toString(), 115200).start())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot open the serial device " + file + ": ");
  }

  @Test
  @DisplayName("more serial ports than devices is refused before anything is opened")
  void moreSerialPortsThanDevices() {
    assertThatThrownBy(() -> EspAtEmulator.builder().serial("/dev/ttyUSB0", 115200).serial("/dev/ttyUSB1", 115200).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 serial ports for 1 devices; a serial port serves one device");
  }

  @Test
  @DisplayName("a rate the firmware cannot take is refused")
  void badRate() {
    assertThatThrownBy(() -> EspAtEmulator.builder().serial("/dev/ttyUSB0", 10).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baud rate 10");
  }
}
