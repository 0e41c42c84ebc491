package dev.espat.conformance.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Setup exchanges that tolerate what a transcript does not check: echo or none, unsolicited lines,
 * noise before the answer. Used by the runner's clean start and by directives such as
 * {@code echo off} and {@code wifi join}; the transcript's own {@code <} lines stay byte-exact.
 */
final class DeviceCommands {
  /** How long {@link #sync} waits for each {@code OK}. */
  static final Duration SYNC_WAIT = Duration.ofMillis(1000);

  /** How many {@code AT} probes {@link #sync} sends. */
  static final int SYNC_ATTEMPTS = 4;

  /** Between two sends of a command the device answered {@code busy p...}. */
  private static final Duration BUSY_PAUSE = Duration.ofMillis(200);

  private static final byte[] OK = ascii("\r\nOK\r\n");
  private static final byte[] ERROR = ascii("ERROR\r\n");
  private static final byte[] SEND_FAIL = ascii("\r\nSEND FAIL\r\n");
  private static final byte[] BUSY = ascii("busy p...\r\n");

  /** What a tolerant exchange came to: OK or not, and every byte read. */
  record Answer(boolean ok, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private final DeviceLink link;

  DeviceCommands(DeviceLink link) {
    this.link = link;
  }

  /**
   * Sends {@code line} (CR LF added) and reads until {@code OK} or a failure; {@code busy p...}
   * sends it again after a pause.
   *
   * @throws StepFailure when no final result comes before the deadline
   */
  Answer command(String line, long deadlineNanos, Masking masking) throws StepFailure, IOException, InterruptedException {
    byte[] bytes = ascii(line + "\r\n");
    while (true) {
      write(bytes, deadlineNanos, line, masking);
      Terminated t = readUntilTerminator(deadlineNanos);
      if (t == null) {
        throw new StepFailure("'" + masking.mask(line) + "' got no OK or ERROR in time",
            ByteDiff.got(link.inbox().peek(4096), masking));
      }
      if (t.which() == BUSY) {
        Thread.sleep(BUSY_PAUSE);
        continue;
      }
      return new Answer(t.which() == OK, t.bytes());
    }
  }

  void write(byte[] bytes, long deadlineNanos, String what, Masking masking) throws StepFailure, IOException, InterruptedException {
    try {
      link.write(bytes, deadlineNanos);
    } catch (TimeoutException e) {
      throw new StepFailure("the device did not take '" + masking.mask(what) + "' in time: it stopped reading; the port was closed", "");
    }
  }

  private record Terminated(byte[] which, byte[] bytes) {}

  /** Reads until the first of OK, ERROR, SEND FAIL, busy; consumes up to it. Null on timeout. */
  private Terminated readUntilTerminator(long deadlineNanos) throws InterruptedException {
    Inbox inbox = link.inbox();
    while (true) {
      byte[] seen = inbox.peek(Inbox.MAX_UNCONSUMED);
      int best = -1;
      byte[] which = null;
      for (byte[] t : new byte[][] {OK, ERROR, SEND_FAIL, BUSY}) {
        int at = indexOf(seen, t);
        if (at >= 0 && (best < 0 || at < best)) {
          best = at;
          which = t;
        }
      }
      if (which != null) {
        int end = best + which.length;
        inbox.consume(end);
        return new Terminated(which, java.util.Arrays.copyOf(seen, end));
      }
      if (!inbox.awaitMoreThan(seen.length, deadlineNanos)) {
        return null;
      }
    }
  }

  /**
   * Brings the line to a known point: drains what is pending, then {@code AT} until an {@code OK}
   * comes back, then drains again. Returns whether the device answered.
   */
  boolean sync(long deadlineNanos, Masking masking) throws IOException, InterruptedException {
    Inbox inbox = link.inbox();
    for (int attempt = 0; attempt < SYNC_ATTEMPTS && System.nanoTime() < deadlineNanos; attempt++) {
      drainQuiet(Duration.ofMillis(60), Duration.ofSeconds(2));
      try {
        write(ascii("AT\r\n"), Math.min(deadlineNanos, System.nanoTime() + SYNC_WAIT.toNanos()), "AT", masking);
      } catch (StepFailure e) {
        return false;
      }
      long wait = Math.min(deadlineNanos, System.nanoTime() + SYNC_WAIT.toNanos());
      while (true) {
        byte[] seen = inbox.peek(Inbox.MAX_UNCONSUMED);
        if (indexOf(seen, ascii("OK\r\n")) >= 0) {
          drainQuiet(Duration.ofMillis(30), Duration.ofSeconds(1));
          return true;
        }
        if (!inbox.awaitMoreThan(seen.length, wait)) {
          break;
        }
      }
    }
    return false;
  }

  /** Drops what arrives until the device has been quiet for {@code quiet}, for at most {@code max}. */
  void drainQuiet(Duration quiet, Duration max) throws InterruptedException {
    Inbox inbox = link.inbox();
    long end = System.nanoTime() + max.toNanos();
    while (true) {
      inbox.clear();
      long until = Math.min(end, System.nanoTime() + quiet.toNanos());
      if (!inbox.awaitMoreThan(0, until) || System.nanoTime() >= end) {
        inbox.clear();
        return;
      }
    }
  }

  /** Waits for {@code text} (boot noise before it is skipped) and consumes through it. */
  boolean awaitText(byte[] text, long deadlineNanos) throws InterruptedException {
    Inbox inbox = link.inbox();
    while (true) {
      byte[] seen = inbox.peek(Inbox.MAX_UNCONSUMED);
      int at = indexOf(seen, text);
      if (at >= 0) {
        inbox.consume(at + text.length);
        return true;
      }
      if (!inbox.awaitMoreThan(seen.length, deadlineNanos)) {
        return false;
      }
    }
  }

  static int indexOf(byte[] in, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= in.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (in[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
