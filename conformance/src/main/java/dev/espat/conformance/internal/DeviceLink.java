package dev.espat.conformance.internal;

import dev.espat.driver.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The runner's line to the device: a {@link Transport} (serial or {@code socket://}) with a reader
 * thread that fills an {@link Inbox}, and writes that give up at a deadline, so that a device that
 * stops reading cannot hang the run.
 */
public final class DeviceLink implements AutoCloseable {
  /** Opens the transport: a port URL, a fresh connection each time (reopen). */
  @FunctionalInterface
  public interface Opener {
    Transport open() throws IOException;
  }

  private final Opener opener;
  private final Inbox inbox = new Inbox();
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "conformance-writer");
    t.setDaemon(true);
    return t;
  });
  private volatile Transport transport;
  private Thread reader;

  private DeviceLink(Opener opener) {
    this.opener = opener;
  }

  /**
   * Opens the device's port.
   *
   * @throws IOException naming the port when it cannot be opened
   */
  public static DeviceLink open(Opener opener) throws IOException {
    DeviceLink link = new DeviceLink(opener);
    link.connect();
    return link;
  }

  private void connect() throws IOException {
    Transport t = opener.open();
    transport = t;
    reader = Thread.ofPlatform().daemon().name("conformance-reader").start(() -> read(t));
  }

  private void read(Transport t) {
    byte[] buffer = new byte[8192];
    try {
      while (true) {
        int n = t.read(buffer, 0, buffer.length);
        if (n < 0) {
          inbox.end(t.description() + " closed");
          return;
        }
        if (n > 0) {
          inbox.add(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      inbox.end(t.description() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      inbox.end("stopped");
    }
  }

  public Inbox inbox() {
    return inbox;
  }

  /** What the port is, for messages. */
  public String description() {
    return transport.description();
  }

  /** The host side's line rate, when it is a serial line. */
  public OptionalInt baudRate() {
    return transport.baudRate();
  }

  /**
   * Writes all of {@code bytes}, giving up at {@code deadlineNanos}: then the port is closed (the
   * only way to end a blocked write) and the run learns the device stopped reading.
   */
  public void write(byte[] bytes, long deadlineNanos) throws IOException, TimeoutException, InterruptedException {
    Transport t = transport;
    Future<?> f = writer.submit(() -> {
      t.write(bytes);
      return null;
    });
    try {
      f.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      t.close();
      throw e;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  /** The host's side of a serial line switches rate (the device was told first, P-44). */
  public void changeBaudRate(int baud) throws IOException {
    transport.changeBaudRate(baud);
  }

  /** Closes the port, waits, opens it again; what was unconsumed is dropped. */
  public void reopen(Duration after) throws IOException, InterruptedException {
    closeTransport();
    Thread.sleep(after);
    inbox.reopened();
    connect();
  }

  private void closeTransport() throws InterruptedException {
    Transport t = transport;
    if (t != null) {
      t.close();
    }
    if (reader != null) {
      reader.interrupt(); // a reader waiting for room in a full inbox
      reader.join(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    try {
      closeTransport();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.shutdownNow();
  }
}
