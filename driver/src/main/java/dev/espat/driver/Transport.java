package dev.espat.driver;

import dev.espat.driver.internal.PortUrl;
import dev.espat.driver.internal.StreamTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalInt;

/**
 * The byte pipe to a device: the only I/O the driver does. One reader thread calls
 * {@link #read}, one writer at a time calls {@link #write}; {@link #close} from any thread makes a
 * blocked read return promptly.
 *
 * <pre>{@code
 * Transport t = Transport.open("socket://127.0.0.1:3333");        // an emulator's TCP port, ser2net
 * Transport t = Transport.open("/dev/ttyUSB0");                    // a serial port, 115200 8N1
 * Transport t = Transport.open("serial:COM3?baud=921600&rtscts=true");
 * Transport t = Transport.of(in, out, connection);                 // two streams, for tests
 * }</pre>
 */
public interface Transport extends AutoCloseable {

  /** The rate a serial port opens at when the URL names none: the firmware's factory rate (P-44). */
  int DEFAULT_BAUD_RATE = 115_200;

  /**
   * Opens the port a URL names:
   *
   * <ul>
   *   <li>{@code socket://host:port}: a TCP connection (pyserial's convention), as to an
   *       emulator's TCP port or ser2net;
   *   <li>{@code serial:<name>[?baud=<n>][&rtscts=true]}: a serial port through jSerialComm;
   *   <li>anything else ({@code /dev/ttyUSB0}, {@code COM3}): a serial port at 115200 baud.
   * </ul>
   *
   * @throws IllegalArgumentException naming the URL when it cannot be read
   * @throws IOException naming the port when it cannot be opened
   */
  static Transport open(String url) throws IOException {
    return PortUrl.parse(url).open();
  }

  /**
   * A transport on two streams: {@code in} is what the device writes, {@code out} what it
   * reads; closing the transport closes {@code resource}, which must make a blocked read end.
   */
  static Transport of(InputStream in, OutputStream out, AutoCloseable resource) {
    return new StreamTransport(in, out, resource, "streams");
  }

  /**
   * Reads what the device wrote, blocking until some bytes arrive, a short poll interval passes
   * (then 0) or the transport ends (then -1).
   *
   * @throws IOException when the connection failed
   */
  int read(byte[] buffer, int offset, int length) throws IOException;

  /** Writes all the bytes and flushes them. */
  void write(byte[] bytes) throws IOException;

  /**
   * Retunes the host's side of the line after the device switched its UART (P-44). Transports
   * without a line rate (a socket, streams) accept and ignore it.
   */
  void changeBaudRate(int baud) throws IOException;

  /** The host side's line rate, when the transport has one. */
  OptionalInt baudRate();

  /** What the transport is connected to, for messages: {@code socket://127.0.0.1:3333}. */
  String description();

  /** Closes the port; idempotent, never throws. */
  @Override
  void close();
}
