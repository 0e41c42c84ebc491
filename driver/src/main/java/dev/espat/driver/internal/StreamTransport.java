package dev.espat.driver.internal;

import dev.espat.driver.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalInt;

/**
 * A transport on a pair of streams: the in-memory pair of tests, and the base of the socket
 * transport. The streams have no line rate, so a baud change is only remembered.
 */
public class StreamTransport implements Transport {
  private final InputStream in;
  private final OutputStream out;
  private final AutoCloseable resource;
  private final String description;
  private volatile boolean closed;

  public StreamTransport(InputStream in, OutputStream out, AutoCloseable resource, String description) {
    this.in = in;
    this.out = out;
    this.resource = resource;
    this.description = description;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (closed) {
      return -1;
    }
    return in.read(buffer, offset, length);
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    if (closed) {
      throw new IOException(description + " is closed");
    }
    out.write(bytes);
    out.flush();
  }

  @Override
  public void changeBaudRate(int baud) {
    // no line: nothing to retune
  }

  @Override
  public OptionalInt baudRate() {
    return OptionalInt.empty();
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      resource.close();
    } catch (Exception ignored) {
      // closing is best effort; the reader ends either way
    }
  }
}
