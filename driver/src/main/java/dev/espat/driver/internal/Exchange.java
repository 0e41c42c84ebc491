package dev.espat.driver.internal;

import dev.espat.driver.ChannelClosedException;
import dev.espat.grammar.SecretMasker;
import dev.espat.grammar.response.ResponseEvent;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import dev.espat.grammar.response.ResponseEvent.FinalResult;
import dev.espat.grammar.response.ResponseEvent.InformationLine;
import dev.espat.grammar.response.ResponseEvent.TextLine;
import dev.espat.grammar.response.ResponseEvent.UnsolicitedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The command in flight, shared by its caller and the reader thread: the reader appends what it
 * decodes and posts {@link Signal}s; the caller waits for them with a deadline. Events are
 * counted against a byte limit so that a runaway answer cannot fill memory.
 */
final class Exchange {

  /** What the caller waits for. */
  sealed interface Signal {}

  /** The final result, with the events that came before it. */
  record Final(FinalResult result, List<ResponseEvent> events) implements Signal {}

  /** {@code busy p...}: the line was dropped (P-10). */
  record Busy() implements Signal {}

  /** {@code >}: send the payload now (P-11). */
  record Prompt() implements Signal {}

  /** {@code ready}, awaited after AT+RST or AT+RESTORE (P-40). */
  record Ready() implements Signal {}

  /** {@code ready} that nobody asked for: the device restarted under the command. */
  record Reset() implements Signal {}

  /** The channel closed or the transport ended. */
  record Closed(ChannelClosedException cause) implements Signal {}

  /** A body frame for the request's frame sink; the caller hands it over and releases its permit. */
  record Frame(BodyFrame frame) implements Signal {}

  /**
   * How many streamed frames may wait for the caller: with the decoder's frame limit this bounds
   * memory; a caller that falls behind stops the reader, and the transport pushes back (P-33).
   */
  static final int FRAMES_IN_FLIGHT = 16;

  /** How much of what was received a timeout message shows. */
  private static final int SHOWN_CHARS = 400;

  final CommandRequest request;
  private final int maxBytes;
  private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
  private final List<ResponseEvent> events = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Semaphore framePermits = new Semaphore(FRAMES_IN_FLIGHT);
  private long bytes;
  private long streamedBytes;
  private boolean overflow;
  /** Set when the caller has left the exchange: a reader waiting to hand over a frame gives up. */
  private volatile boolean released;
  /** Set by the reader on busy, cleared by the caller before it sends again: output meanwhile is not ours. */
  volatile boolean awaitingResend;
  /** Set by the reader at the final result: whatever follows belongs to no command. */
  volatile boolean finished;
  /** Whether the data prompt came; before it, an OK is only the prompt's preamble (P-11). */
  volatile boolean promptSeen;

  Exchange(CommandRequest request, int maxBytes) {
    this.request = request;
    this.maxBytes = maxBytes;
  }

  // ---- reader thread -------------------------------------------------------------------

  synchronized void add(ResponseEvent event) {
    bytes += size(event);
    if (bytes > maxBytes) {
      overflow = true;
      return;
    }
    events.add(event);
  }

  /**
   * Hands a frame to the caller, waiting while {@link #FRAMES_IN_FLIGHT} are already waiting;
   * drops it when the caller has left (the exchange ended, the channel closed).
   */
  void stream(BodyFrame frame) throws InterruptedException {
    while (!released) {
      if (framePermits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
        synchronized (this) {
          streamedBytes += frame.length();
        }
        signals.add(new Frame(frame));
        return;
      }
    }
  }

  /** The caller is done with one streamed frame. */
  void frameHandled() {
    framePermits.release();
  }

  /** The caller has left: a reader blocked in {@link #stream} returns. */
  void release() {
    released = true;
  }

  synchronized void problem(String what) {
    if (problems.size() < 10) {
      problems.add(what);
    }
  }

  synchronized void finish(FinalResult result) {
    finished = !request.expectsReady();
    signals.add(new Final(result, List.copyOf(events)));
  }

  void post(Signal signal) {
    signals.add(signal);
  }

  // ---- caller thread -------------------------------------------------------------------

  /** The next signal, or null when the deadline passes first. */
  Signal await(long deadlineNanos) throws InterruptedException {
    return signals.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /** What went wrong on the line during the exchange (undecodable output), empty when nothing did. */
  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  synchronized boolean overflowed() {
    return overflow;
  }

  /** What has arrived so far, as masked text for an exception message. */
  synchronized String receivedSoFar() {
    StringBuilder s = new StringBuilder();
    for (ResponseEvent e : events) {
      s.append(s.isEmpty() ? "" : " | ").append(describe(e));
    }
    if (streamedBytes > 0) {
      s.append(s.isEmpty() ? "" : " | ").append("(").append(streamedBytes).append(" body bytes streamed)");
    }
    for (String p : problems) {
      s.append(s.isEmpty() ? "" : " | ").append("(").append(p).append(")");
    }
    String masked = SecretMasker.mask(s.toString());
    return masked.length() > SHOWN_CHARS ? masked.substring(0, SHOWN_CHARS) + "..." : masked;
  }

  static String describe(ResponseEvent e) {
    return switch (e) {
      case InformationLine i -> "+" + i.name() + ":" + i.value();
      case TextLine t -> t.text();
      case UnsolicitedMessage u -> u.text();
      case BodyFrame f -> "+" + f.command() + ":" + f.length() + ",<" + f.length() + " bytes>";
      case FinalResult r -> r.code().text();
      default -> e.toString();
    };
  }

  private static long size(ResponseEvent e) {
    return switch (e) {
      case BodyFrame f -> f.length() + 16L;
      case InformationLine i -> i.name().length() + i.value().length() + 16L;
      case TextLine t -> t.text().length() + 16L;
      case UnsolicitedMessage u -> u.text().length() + 16L;
      default -> 16L;
    };
  }
}
