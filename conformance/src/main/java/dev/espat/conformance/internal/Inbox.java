package dev.espat.conformance.internal;

import java.util.Arrays;

/**
 * What the device wrote and no step has consumed yet, filled by the link's reader thread. Bounded:
 * past {@link #MAX_UNCONSUMED} bytes the reader waits, which slows the device down (TCP, a
 * serial line's flow control) instead of filling memory. Arrival times are kept while a rate is
 * measured ({@code rate-begin}).
 */
public final class Inbox {
  /** The most unconsumed bytes held. */
  public static final int MAX_UNCONSUMED = 4 << 20;

  /** The most arrival times kept for one rate measurement. */
  static final int MAX_ARRIVALS = 100_000;

  private byte[] buffer = new byte[64 * 1024];
  private int start;
  private int end;
  private long totalReceived;
  private boolean ended;
  private String endReason;

  private long[] arrivalNanos;
  private long[] arrivalTotals;
  private int arrivals;

  /** Adds bytes the device wrote; waits while the inbox is full. */
  public synchronized void add(byte[] bytes, int offset, int length) throws InterruptedException {
    while (end - start + length > MAX_UNCONSUMED && end > start) {
      wait(100);
    }
    ensureRoom(length);
    System.arraycopy(bytes, offset, buffer, end, length);
    end += length;
    totalReceived += length;
    if (arrivalNanos != null && arrivals < MAX_ARRIVALS) {
      arrivalNanos[arrivals] = System.nanoTime();
      arrivalTotals[arrivals] = totalReceived;
      arrivals++;
    }
    notifyAll();
  }

  private void ensureRoom(int length) {
    if (end + length <= buffer.length) {
      return;
    }
    int held = end - start;
    if (held + length <= buffer.length && start > 0) {
      System.arraycopy(buffer, start, buffer, 0, held);
    } else {
      byte[] bigger = new byte[Math.max(buffer.length * 2, held + length)];
      System.arraycopy(buffer, start, bigger, 0, held);
      buffer = bigger;
    }
    start = 0;
    end = held;
  }

  /** The reader stopped: the port closed or failed. Waiters wake up. */
  public synchronized void end(String reason) {
    if (!ended) {
      ended = true;
      endReason = reason;
    }
    notifyAll();
  }

  /** A new connection: the previous one's end no longer counts. */
  synchronized void reopened() {
    ended = false;
    endReason = null;
    start = 0;
    end = 0;
  }

  public synchronized boolean ended() {
    return ended;
  }

  /** Why the reader stopped, or null. */
  public synchronized String endReason() {
    return endReason;
  }

  public synchronized int available() {
    return end - start;
  }

  /** A copy of up to {@code max} unconsumed bytes, from the oldest. */
  public synchronized byte[] peek(int max) {
    return Arrays.copyOfRange(buffer, start, start + Math.min(max, end - start));
  }

  /** Drops the oldest {@code n} bytes. */
  public synchronized void consume(int n) {
    if (n > end - start) {
      throw new IllegalArgumentException("consume " + n + " of " + (end - start));
    }
    start += n;
    if (start == end) {
      start = 0;
      end = 0;
    }
    notifyAll();
  }

  /** Moves up to {@code max} bytes into {@code into}; returns how many. */
  public synchronized int take(byte[] into, int offset, int max) {
    int n = Math.min(max, end - start);
    System.arraycopy(buffer, start, into, offset, n);
    consume(n);
    return n;
  }

  /** Drops everything unconsumed. */
  public synchronized void clear() {
    start = 0;
    end = 0;
    notifyAll();
  }

  /**
   * Waits until more than {@code have} bytes are unconsumed, the reader ended, or the deadline
   * ({@link System#nanoTime()}) passed. Returns whether there are more.
   */
  public synchronized boolean awaitMoreThan(int have, long deadlineNanos) throws InterruptedException {
    while (end - start <= have && !ended) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000), 0);
    }
    return end - start > have;
  }

  /** Every byte received since the link opened. */
  public synchronized long totalReceived() {
    return totalReceived;
  }

  /** Starts keeping arrival times (a rate measurement), forgetting earlier ones. */
  public synchronized void startTiming() {
    arrivalNanos = new long[MAX_ARRIVALS];
    arrivalTotals = new long[MAX_ARRIVALS];
    arrivals = 0;
  }

  /**
   * What arrived since {@link #startTiming()}: the time and running total of each read, then
   * timing stops.
   */
  public synchronized Arrivals stopTiming() {
    Arrivals a = arrivalNanos == null ? new Arrivals(new long[0], new long[0])
        : new Arrivals(Arrays.copyOf(arrivalNanos, arrivals), Arrays.copyOf(arrivalTotals, arrivals));
    arrivalNanos = null;
    arrivalTotals = null;
    return a;
  }

  /** Read times ({@link System#nanoTime()}) and the running byte total after each read. */
  public record Arrivals(long[] nanos, long[] totals) {}
}
