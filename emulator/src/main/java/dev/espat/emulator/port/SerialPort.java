package dev.espat.emulator.port;

import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.HostLink;
import java.io.IOException;
import java.time.Duration;

/**
 * One device on a real serial port, for hardware-in-the-loop rigs: the emulator's end of a
 * USB-serial adapter whose other end is wired to the microcontroller under test. 8N1, no flow
 * control, at the rate given; AT+UART_CUR and AT+UART_DEF switch the real port's rate after the
 * {@code OK} has gone out at the old one (P-44).
 *
 * <pre>{@code
 * SerialPort port = new SerialPort(device, "/dev/ttyUSB0", 115200, Pacing.at(115200));
 * port.start();
 * }</pre>
 *
 * <p>A wire has no notion of a host opening it: the device is attached from {@link #start()} to
 * {@link #close()}, and what it writes while nobody listens is lost on the wire (P-52).
 */
public final class SerialPort implements DevicePort {
  /** How long a read waits before the reader looks at whether the port was closed. */
  private static final int READ_TIMEOUT_MILLIS = 100;

  private static final int READ_BUFFER = 4096;

  private final Device device;
  private final String name;
  private final Pacing pacing;
  private final com.fazecast.jSerialComm.SerialPort port;
  private final Thread reader;
  private volatile boolean closed;

  /**
   * Opens the serial device at once.
   *
   * @param name the device, such as {@code /dev/ttyUSB0} or {@code COM3}
   * @throws IOException naming the device when it does not exist or cannot be opened
   */
  public SerialPort(Device device, String name, int baud, Pacing pacing) throws IOException {
    this.device = device;
    this.name = name;
    this.pacing = pacing;
    try {
      this.port = com.fazecast.jSerialComm.SerialPort.getCommPort(name);
    } catch (SerialPortInvalidPortException e) {
      throw new IOException("cannot open the serial device " + name + ": no such device", e);
    }
    port.setComPortParameters(baud, 8, com.fazecast.jSerialComm.SerialPort.ONE_STOP_BIT,
        com.fazecast.jSerialComm.SerialPort.NO_PARITY);
    port.setFlowControl(com.fazecast.jSerialComm.SerialPort.FLOW_CONTROL_DISABLED);
    // Blocking writes drain to the wire before returning, so a rate switch never cuts the OK (P-44).
    port.setComPortTimeouts(com.fazecast.jSerialComm.SerialPort.TIMEOUT_READ_SEMI_BLOCKING
        | com.fazecast.jSerialComm.SerialPort.TIMEOUT_WRITE_BLOCKING, READ_TIMEOUT_MILLIS, 0);
    if (!port.openPort()) {
      throw new IOException("cannot open the serial device " + name + ": " + why(port.getLastErrorCode()));
    }
    this.reader = Thread.ofPlatform().daemon().name("esp-at-serial-" + device.name()).unstarted(this::readLoop);
  }

  private static String why(int errno) {
    String text = Posix.supported() ? Posix.describe(errno) : "error " + errno;
    return switch (errno) {
      case 2 -> text + "; check the name (ls /dev/tty*)";
      case 13 -> text + "; on Linux, add your user to the dialout group";
      case 11, 16, 35 -> text + "; another program has it open";
      default -> text;
    };
  }

  @Override
  public void start() {
    device.attach(new PacedLink(pacing, this::writeFully, baud -> {
      if (port.getBaudRate() != baud && !port.setBaudRate(baud)) {
        System.err.println("esp-at: the serial device " + name + " refused " + baud + " baud: "
            + why(port.getLastErrorCode()));
      }
    }));
    reader.start();
  }

  private void writeFully(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      int n = port.writeBytes(bytes, length, offset);
      if (n < 0) {
        throw new IOException("write to " + name + " failed");
      }
      offset += n;
      length -= n;
    }
  }

  private void readLoop() {
    byte[] buffer = new byte[READ_BUFFER];
    while (!closed) {
      int n = port.readBytes(buffer, buffer.length);
      if (n > 0) {
        device.receive(buffer, 0, n);
      } else if (n < 0) {
        if (!closed) {
          System.err.println("esp-at: the serial device " + name + " of " + device.name() + " stopped answering"
              + " (unplugged?): " + why(port.getLastErrorCode()));
          device.detach();
        }
        return;
      }
    }
  }

  /** The serial device's name, as given. */
  public String name() {
    return name;
  }

  /** The rate the port runs at now. */
  public int baudRate() {
    return port.getBaudRate();
  }

  @Override
  public String kind() {
    return "serial";
  }

  @Override
  public String location() {
    return name;
  }

  @Override
  public String describe() {
    return "serial " + name + " at " + port.getBaudRate() + " baud, 8N1";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    port.closePort();
    try {
      reader.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    device.detach();
  }
}
