package dev.espat.emulator.port;

import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.HostLink;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A host connection to a device without any port: two streams in the same JVM, for tests.
 * Closing it is the host closing the port.
 *
 * <pre>{@code
 * try (InMemoryConnection host = emulator.connect()) {
 *   host.output().write("AT\r\n".getBytes(US_ASCII));
 *   host.input().read(buffer);   // \r\nOK\r\n (after the echo, unless ATE0)
 * }
 * }</pre>
 */
public final class InMemoryConnection implements AutoCloseable {
  /** What the device wrote and the host has not read; a device writing more waits. */
  private static final int BUFFER = 64 * 1024;

  private final Device device;
  private final BytePipe fromDevice = new BytePipe(BUFFER);
  private final InputStream input = fromDevice.inputStream();
  private final OutputStream output;

  public InMemoryConnection(Device device, Pacing pacing) {
    this.device = device;
    this.output = new OutputStream() {
      @Override
      public void write(int b) {
        device.receive(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        device.receive(b, off, len);
      }
    };
    device.attach(new PacedLink(pacing, fromDevice::write));
  }

  /** What the device writes. */
  public InputStream input() {
    return input;
  }

  /** What the device reads. */
  public OutputStream output() {
    return output;
  }

  @Override
  public void close() {
    device.detach();
    fromDevice.close();
  }
}
