package dev.espat.driver.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as it arrives ({@link HttpClient#stream}), in bounded memory: at most
 * {@link #CHUNKS_AHEAD} frames wait for the reader; while it reads nothing, the device waits.
 * A read after the last byte returns -1 only when the device finished the answer; if the request
 * failed or was cut (timeout, reset, closed port), the read throws an {@link IOException} whose
 * cause is the driver's exception, so a truncated body never looks whole.
 *
 * <pre>{@code
 * try (HttpBodyStream in = esp.http().stream(HttpRequest.newBuilder(uri).build())) {
 *   byte[] chunk;
 *   while ((chunk = in.readNBytes(4096)).length > 0) {   // Godot-style fixed-size chunks
 *     handle(chunk);
 *   }
 *   HttpStatus status = in.response().orElseThrow().status();
 * }
 * }</pre>
 */
public final class HttpBodyStream extends InputStream {
  /** How many body pieces may wait for the reader. */
  public static final int CHUNKS_AHEAD = 16;

  private static final byte[] NOTHING = new byte[0];

  private final HttpRequest request;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD + 1);
  private volatile boolean closed;
  private byte[] current = NOTHING;
  private int position;
  private End end;

  /** How the request ended: its response, or why it failed. */
  private record End(HttpResponse<Void> response, RuntimeException failure) {}

  HttpBodyStream(HttpRequest request) {
    this.request = request;
  }

  /** Runs the request on the calling thread, feeding this stream. */
  void run(HttpClient client) {
    End result;
    try {
      result = new End(client.send(request, context -> new BodyHandler.Sink<Void>() {
        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
          offer(Arrays.copyOfRange(data, offset, offset + length));
        }

        @Override
        public Void complete() {
          return null;
        }
      }), null);
    } catch (RuntimeException e) {
      result = new End(null, e);
    }
    try {
      offer(result);
    } catch (IOException e) {
      // Closed by the reader: nobody waits for the end.
    }
  }

  private void offer(Object item) throws IOException {
    try {
      while (!closed) {
        if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while handing the body of " + request + " on", e);
    }
  }

  /** The request this stream answers. */
  public HttpRequest request() {
    return request;
  }

  /**
   * The response, once the body has been read to its end: its status (a {@link HttpStatus.Failed}
   * body is a whole body too, P-17) and length. Empty before the end.
   */
  public Optional<HttpResponse<Void>> response() {
    return Optional.ofNullable(end).map(End::response);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return current.length - position;
  }

  /** Makes {@code current} hold unread bytes; false at the end of a whole body. */
  private boolean fill() throws IOException {
    if (closed) {
      throw new IOException("the body stream of " + request + " is closed");
    }
    while (position == current.length) {
      if (end != null) {
        return finish();
      }
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading the body of " + request, e);
      }
      if (next instanceof End e) {
        end = e;
      } else {
        current = (byte[]) next;
        position = 0;
      }
    }
    return true;
  }

  private boolean finish() throws IOException {
    if (end.failure() != null) {
      throw new IOException(request + " failed: " + end.failure().getMessage(), end.failure());
    }
    return false;
  }

  /**
   * Stops reading. A request still running goes on to its end on the device (the AT commands
   * cannot stop a transfer) and what remains is dropped; the next request waits for it.
   */
  @Override
  public void close() {
    closed = true;
    queue.clear();
  }
}
