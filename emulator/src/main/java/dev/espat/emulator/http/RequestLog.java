package dev.espat.emulator.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The requests one device sent, for tests, bounded: when nobody takes them, the oldest go, so a
 * long-running emulator does not grow.
 */
public final class RequestLog {
  /** How many requests are kept for a test that has not taken them. */
  static final int CAPACITY = 256;

  private final BlockingQueue<RecordedRequest> requests = new ArrayBlockingQueue<>(CAPACITY);

  /** From the network thread, once the request is on the wire. */
  public void record(OutgoingRequest request) {
    add(RecordedRequest.of(request));
  }

  void add(RecordedRequest request) {
    while (!requests.offer(request)) {
      requests.poll();
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
