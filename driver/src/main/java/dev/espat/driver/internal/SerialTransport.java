package dev.espat.driver.internal;

import com.fazecast.jSerialComm.SerialPort;
import dev.espat.driver.Transport;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * A serial port through jSerialComm, 8N1, with optional RTS/CTS flow control. Reads wait at most
 * {@link #POLL_MILLIS} so that the reader thread notices a close even on ports whose driver does
 * not wake a blocked read.
 */
public final class SerialTransport implements Transport {
  /** How long one read waits for the first byte. */
  static final int POLL_MILLIS = 100;

  private final SerialPort port;
  private final String description;
  private volatile boolean closed;

  private SerialTransport(SerialPort port, String description) {
    this.port = port;
    this.description = description;
  }

  /**
   * Opens {@code name} ({@code /dev/ttyUSB0}, {@code COM3}, a pty's path) at {@code baud}.
   *
   * @throws IOException naming the port and jSerialComm's error when it cannot be opened
   */
  public static SerialTransport open(String name, int baud, boolean rtsCts) throws IOException {
    SerialPort port = SerialPort.getCommPort(name);
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setFlowControl(rtsCts
        ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
        : SerialPort.FLOW_CONTROL_DISABLED);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, POLL_MILLIS, 0);
    if (!port.openPort()) {
      throw new IOException("cannot open serial port " + name + ": jSerialComm error " + port.getLastErrorCode()
          + " at line " + port.getLastErrorLocation());
    }
    return new SerialTransport(port, "serial:" + name + "?baud=" + baud + (rtsCts ? "&rtscts=true" : ""));
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (closed) {
      return -1;
    }
    int n = port.readBytes(buffer, length, offset);
    if (n < 0) {
      if (closed) {
        return -1;
      }
      throw new IOException(description + ": read failed (jSerialComm error " + port.getLastErrorCode() + "); unplugged?");
    }
    return n;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    int written = 0;
    while (written < bytes.length) {
      if (closed) {
        throw new IOException(description + " is closed");
      }
      int n = port.writeBytes(bytes, bytes.length - written, written);
      if (n < 0) {
        throw new IOException(description + ": write failed (jSerialComm error " + port.getLastErrorCode() + ")");
      }
      written += n;
    }
  }

  @Override
  public void changeBaudRate(int baud) throws IOException {
    if (!port.setBaudRate(baud)) {
      throw new IOException(description + ": cannot switch to " + baud + " baud");
    }
  }

  @Override
  public OptionalInt baudRate() {
    return OptionalInt.of(port.getBaudRate());
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      port.closePort();
    }
  }
}
