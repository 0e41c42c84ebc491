package dev.espat.driver.internal;

import dev.espat.driver.DeviceListener;
import dev.espat.grammar.response.ResponseEvent;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Hands unsolicited events to listeners on one thread of their own, so that a listener that
 * blocks (or issues a command, which waits for the reader) can never stall the reader thread.
 */
final class ListenerDispatch implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ListenerDispatch.class.getName());

  private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread;

  ListenerDispatch(String name) {
    this.thread = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("esp-at-events-" + name).unstarted(r));
  }

  void add(DeviceListener listener) {
    listeners.add(listener);
  }

  void remove(DeviceListener listener) {
    listeners.remove(listener);
  }

  /** Queues the event for every listener registered now; returns at once. */
  void dispatch(ResponseEvent event) {
    if (listeners.isEmpty()) {
      return;
    }
    List<DeviceListener> targets = List.copyOf(listeners);
    try {
      thread.execute(() -> targets.forEach(l -> deliver(l, event)));
    } catch (RejectedExecutionException closed) {
      // the channel is closing; nobody is listening any more
    }
  }

  private static void deliver(DeviceListener listener, ResponseEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a device listener failed on " + event, e);
    }
  }

  /** Lets queued events go out for a moment, then stops. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(1, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
