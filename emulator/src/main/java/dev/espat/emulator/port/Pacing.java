package dev.espat.emulator.port;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces a UART's output at its baud rate (P-50): with 8N1 framing a byte takes 10 bit times, so
 * 115200 baud carries 11520 bytes/s. Bytes go out in slices of about 10 ms, each after the line
 * has carried the previous ones; the gaps this leaves between a result and what follows are the
 * ones real drivers depend on (P-53). Used by one writer at a time (the device thread).
 */
public final class Pacing {
  /** Slice length: short enough to look continuous to a host, long enough to be cheap. */
  private static final long SLICE_NANOS = 10_000_000L;

  private static final long BITS_PER_BYTE = 10;

  private final boolean paced;
  private volatile int baud;
  private long lineFreeAt;

  private Pacing(boolean paced, int baud) {
    this.paced = paced;
    this.baud = baud;
  }

  /** Output at {@code baud}, 8N1. */
  public static Pacing at(int baud) {
    return new Pacing(true, baud);
  }

  /** Output as fast as the port takes it: for speed, not fidelity (P-53). */
  public static Pacing unpaced() {
    return new Pacing(false, 0);
  }

  public boolean isPaced() {
    return paced;
  }

  public int baud() {
    return baud;
  }

  /** AT+UART_CUR switched the rate (P-44). */
  public void changeBaudRate(int newBaud) {
    this.baud = newBaud;
  }

  /** How a slice is written. */
  @FunctionalInterface
  public interface Sink {
    void write(byte[] bytes, int offset, int length) throws java.io.IOException;
  }

  /** Writes all of {@code bytes} to the sink at the line's pace. */
  public void write(byte[] bytes, Sink sink) throws java.io.IOException {
    if (!paced) {
      sink.write(bytes, 0, bytes.length);
      return;
    }
    int rate = baud;
    long nanosPerByte = BITS_PER_BYTE * 1_000_000_000L / rate;
    int slice = (int) Math.max(1, SLICE_NANOS / Math.max(1, nanosPerByte));
    for (int offset = 0; offset < bytes.length; offset += slice) {
      int n = Math.min(slice, bytes.length - offset);
      // The slice goes on the line when the line is free (or now, if it has been idle), and the line
      // is busy from then on: a late wake-up or a slow write is made up by the next slice, as a
      // UART's FIFO sends back to back, instead of being lost on every slice.
      long start = Math.max(lineFreeAt, System.nanoTime());
      lineFreeAt = start + n * nanosPerByte;
      waitUntil(start);
      sink.write(bytes, offset, n);
    }
  }

  private static void waitUntil(long deadline) {
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
