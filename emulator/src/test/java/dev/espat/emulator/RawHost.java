package dev.espat.emulator;

import dev.espat.grammar.Bytes;
import dev.espat.grammar.response.ResponseDecoder;
import dev.espat.grammar.response.ResponseEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test host on any pair of streams (in-memory, TCP socket, serial port): sends bytes and
 * collects what the device writes, with timeouts generous enough for a loaded machine.
 */
public final class RawHost implements AutoCloseable {
  /** How long a test waits for an answer that should come at once; long, for a busy CI machine. */
  public static final Duration PATIENCE = Duration.ofSeconds(10);

  private static final byte[] EOF = new byte[0];

  private final OutputStream out;
  private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final Thread pump;
  private final AutoCloseable resource;

  public RawHost(InputStream in, OutputStream out, AutoCloseable resource) {
    this.out = out;
    this.resource = resource;
    this.pump = Thread.ofPlatform().daemon().name("raw-host-reader").start(() -> {
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.add(java.util.Arrays.copyOf(buffer, n));
        }
      } catch (IOException closed) {
        // end of the connection
      }
      received.add(EOF);
    });
  }

  public void send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void send(String text) {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads until the bytes so far satisfy the condition; returns them and keeps nothing. */
  public byte[] readUntil(Predicate<byte[]> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(pending.toByteArray())) {
      long left = deadline - System.nanoTime();
      byte[] chunk;
      try {
        chunk = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      if (chunk == null) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms; received so far: " + tail(pending.toByteArray()));
      }
      if (chunk == EOF) {
        received.add(EOF);
        throw new AssertionError("connection closed; received so far: " + tail(pending.toByteArray()));
      }
      pending.writeBytes(chunk);
    }
    byte[] all = pending.toByteArray();
    pending.reset();
    return all;
  }

  /** Reads until exactly {@code expected} has arrived (more is an error). */
  public byte[] readExactly(int length, Duration timeout) {
    return readUntil(b -> b.length >= length, timeout);
  }

  /** Sends a line and returns everything up to and including its final result. */
  public byte[] exchange(String line) {
    send(line);
    return readResponse();
  }

  /** Reads up to and including the next final result (or data prompt). */
  public byte[] readResponse() {
    return readUntil(RawHost::endsWithFinal, PATIENCE);
  }

  /** Everything that arrives within {@code window}: for asserting that nothing more comes. */
  public byte[] drainFor(Duration window) {
    try {
      return readUntil(b -> false, window);
    } catch (AssertionError timedOut) {
      byte[] all = pending.toByteArray();
      pending.reset();
      return all;
    }
  }

  /**
   * What arrives from now on as a stream, for readers of large responses; bytes already received
   * and not read come first. Use either this or the read methods, not both at once.
   */
  public InputStream asStream() {
    return new InputStream() {
      private byte[] chunk = pending.toByteArray();
      private int at;

      {
        pending.reset();
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        while (at == chunk.length) {
          try {
            chunk = received.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
          }
          at = 0;
          if (chunk == EOF) {
            received.add(EOF);
            return -1;
          }
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  /** The last bytes received, for messages: a flood of output would drown the point. */
  private static String tail(byte[] bytes) {
    int keep = Math.min(bytes.length, 400);
    String shown = Bytes.show(java.util.Arrays.copyOfRange(bytes, bytes.length - keep, bytes.length));
    return bytes.length > keep ? "(" + (bytes.length - keep) + " bytes before) ..." + shown : shown;
  }

  /** Whether the bytes end with the text's bytes; cheap on large inputs. */
  public static boolean endsWith(byte[] bytes, String text) {
    byte[] suffix = text.getBytes(StandardCharsets.UTF_8);
    return bytes.length >= suffix.length
        && java.util.Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
  }

  /** Whether the bytes end with a final result or the data prompt. */
  public static boolean endsWithFinal(byte[] bytes) {
    ResponseDecoder decoder = new ResponseDecoder();
    decoder.receive(bytes);
    List<ResponseEvent> events = new ArrayList<>();
    try {
      events.addAll(decoder.drain());
    } catch (RuntimeException malformed) {
      return false;
    }
    if (events.isEmpty() || decoder.bufferedBytes() > 0) {
      return false;
    }
    ResponseEvent last = events.getLast();
    return last instanceof ResponseEvent.FinalResult || last instanceof ResponseEvent.DataPrompt;
  }

  @Override
  public void close() throws Exception {
    resource.close();
    pump.join(PATIENCE.toMillis());
  }
}
