package dev.espat.conformance.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the test server received, oldest first, for {@code server-saw}: at most
 * {@link #CAPACITY} requests are kept.
 */
public final class RequestLog {
  /** Requests kept; older ones are dropped. */
  public static final int CAPACITY = 256;

  /**
   * One request as received.
   *
   * @param method {@code GET}
   * @param path its path, without the query
   * @param target the request target as sent (path and query)
   * @param headers its headers in the order received
   * @param bodyLength how many body bytes came
   */
  public record Request(String method, String path, String target, List<Map.Entry<String, String>> headers, long bodyLength) {
    public Request {
      headers = List.copyOf(headers);
    }

    @Override
    public String toString() {
      return method + " " + target;
    }
  }

  private final Deque<Request> pending = new ArrayDeque<>();

  synchronized void add(Request request) {
    if (pending.size() == CAPACITY) {
      pending.removeFirst();
    }
    pending.addLast(request);
    notifyAll();
  }

  /** Forgets what came so far: the next {@link #take} sees only later requests. */
  public synchronized void clear() {
    pending.clear();
  }

  /** The oldest request not taken yet, waiting up to {@code timeout} for one. */
  public synchronized Optional<Request> take(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return Optional.of(pending.removeFirst());
  }
}
