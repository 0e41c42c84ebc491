package dev.espat.emulator.port;

/** A way for a host to reach a device: TCP, pty, serial, stdio. */
public interface DevicePort extends AutoCloseable {

  /** Starts accepting the host; the port was already bound or opened when created. */
  void start();

  /** The kind of port, as the admin API names it: {@code tcp}, {@code pty}, {@code serial}, {@code stdio}. */
  String kind();

  /**
   * What a host opens: {@code 127.0.0.1:3333} (TCP), the stable link {@code /tmp/ttyESP0} (pty),
   * {@code /dev/ttyUSB0} (serial), {@code stdin/stdout} (stdio).
   */
  String location();

  /** One line for the {@code listening} message: what to connect to, such as {@code tcp 127.0.0.1:3333}. */
  String describe();

  /** Frees the port: sockets closed, ptys and symlinks removed. */
  @Override
  void close();
}
