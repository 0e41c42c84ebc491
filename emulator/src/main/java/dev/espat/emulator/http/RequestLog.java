package dev.espat.emulator.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The requests one device sent, bounded: a queue a test takes them from (when nobody takes them,
 * the oldest go), and apart from it the last {@link #CAPACITY} for a look that takes nothing (the
 * admin API), so a long-running emulator does not grow.
 */
public final class RequestLog {
  /** How many requests are kept for a test that has not taken them, and in the history. */
  public static final int CAPACITY = 256;

  private final BlockingQueue<RecordedRequest> requests = new ArrayBlockingQueue<>(CAPACITY);
  private final ArrayDeque<RecordedRequest> history = new ArrayDeque<>(CAPACITY);

  /** From the network thread, once the request is on the wire. */
  public void record(OutgoingRequest request) {
    add(RecordedRequest.of(request));
  }

  void add(RecordedRequest request) {
    while (!requests.offer(request)) {
      requests.poll();
    }
    synchronized (history) {
      if (history.size() == CAPACITY) {
        history.removeFirst();
      }
      history.addLast(request);
    }
  }

  /** The last {@link #CAPACITY} requests sent, oldest first, whether taken or not. */
  public List<RecordedRequest> recent() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  /** The oldest request not taken yet, waiting up to {@code timeout} for one. */
  public Optional<RecordedRequest> take(Duration timeout) {
    try {
      return Optional.ofNullable(requests.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** How many requests are waiting to be taken. */
  public int size() {
    return requests.size();
  }
}
