package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.driver.internal.PortUrl;
import org.junit.jupiter.api.Test;

/** The URL forms of a port: pyserial's socket://, serial: with options, bare device names. */
class PortUrlTest {

  @Test
  void socket() {
    assertThat(PortUrl.parse("socket://127.0.0.1:3333")).isEqualTo(new PortUrl.Socket("127.0.0.1", 3333));
    assertThat(PortUrl.parse("SOCKET://localhost:1")).isEqualTo(new PortUrl.Socket("localhost", 1));
  }

  @Test
  void bareDeviceNamesAreSerialPortsAt115200() {
    assertThat(PortUrl.parse("/dev/ttyUSB0")).isEqualTo(new PortUrl.Serial("/dev/ttyUSB0", 115_200, false));
    assertThat(PortUrl.parse("COM3")).isEqualTo(new PortUrl.Serial("COM3", 115_200, false));
  }

  @Test
  void serialWithOptions() {
    assertThat(PortUrl.parse("serial:/dev/ttyUSB0?baud=921600&rtscts=true"))
        .isEqualTo(new PortUrl.Serial("/dev/ttyUSB0", 921_600, true));
    assertThat(PortUrl.parse("serial:COM3")).isEqualTo(new PortUrl.Serial("COM3", 115_200, false));
    assertThat(PortUrl.parse("serial:/dev/ttyS1?rtscts")).isEqualTo(new PortUrl.Serial("/dev/ttyS1", 115_200, true));
  }

  @Test
  void badUrlsAreNamedInTheMessage() {
    assertThatThrownBy(() -> PortUrl.parse("socket://host")).hasMessageContaining("socket://host").hasMessageContaining("port");
    assertThatThrownBy(() -> PortUrl.parse("rfc2217://h:1")).hasMessageContaining("unknown scheme");
    assertThatThrownBy(() -> PortUrl.parse("serial:/dev/x?baud=fast")).hasMessageContaining("baud 'fast'");
    assertThatThrownBy(() -> PortUrl.parse("serial:/dev/x?parity=odd")).hasMessageContaining("unknown option 'parity'");
    assertThatThrownBy(() -> PortUrl.parse("serial:")).hasMessageContaining("names no serial port");
    assertThatThrownBy(() -> PortUrl.parse(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
