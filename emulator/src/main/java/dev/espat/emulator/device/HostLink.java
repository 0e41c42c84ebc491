package dev.espat.emulator.device;

/**
 * The device's side of its port: where its UART output goes. Implemented by each port (TCP, pty,
 * serial, stdio, in-memory). Called only on the device's thread.
 */
public interface HostLink {

  /**
   * Writes bytes toward the host. Blocks while a paced line is busy (P-50), which is the
   * back-pressure a slow port puts on the device. Drops the bytes when no host is attached
   * (P-52).
   */
  void write(byte[] bytes);

  /** P-44: the UART now runs at this rate; called after the OK went out at the old one. */
  void changeBaudRate(int baud);

  /** A link that drops everything: the device before a port attaches it. */
  HostLink NONE = new HostLink() {
    @Override
    public void write(byte[] bytes) {}

    @Override
    public void changeBaudRate(int baud) {}
  };
}
