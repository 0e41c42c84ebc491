package dev.espat.driver.internal;

import dev.espat.driver.ChannelClosedException;
import dev.espat.driver.CommandTimeoutException;
import dev.espat.driver.DeviceListener;
import dev.espat.driver.Response;
import dev.espat.driver.Transport;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.AtGrammarException;
import dev.espat.grammar.response.ResponseDecoder;
import dev.espat.grammar.response.ResponseEvent;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import dev.espat.grammar.response.ResponseEvent.Busy;
import dev.espat.grammar.response.ResponseEvent.DataPrompt;
import dev.espat.grammar.response.ResponseEvent.FinalResult;
import dev.espat.grammar.response.ResponseEvent.InformationLine;
import dev.espat.grammar.response.ResponseEvent.Ready;
import dev.espat.grammar.response.ResponseEvent.TextLine;
import dev.espat.grammar.response.ResponseEvent.UnsolicitedMessage;
import dev.espat.grammar.response.ResultCode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The command queue over one {@link Transport}, in the manner of lettuce's and Californium's: one
 * reader thread feeds a {@link ResponseDecoder}; one command is in flight and what arrives is
 * correlated to it; unsolicited events go to listeners on their own thread; {@code busy p...} is
 * retried (P-10); {@code ready} under a command fails it (P-40); output nobody asked for makes the
 * next caller resynchronise with {@code AT} first. Callers queue fairly; every wait has a deadline;
 * {@link #close()} fails the waiter at once.
 */
public final class CommandChannel implements AutoCloseable {
  private static final int READ_BUFFER = 4096;
  private static final Duration READER_JOIN = Duration.ofSeconds(2);

  private final Transport transport;
  private final ChannelOptions options;
  private final ResponseDecoder decoder;
  private final ReentrantLock turn = new ReentrantLock(true);
  private final ListenerDispatch listeners;
  private final Thread reader;
  private final Attempts attempts;
  private volatile Exchange current;
  private volatile ChannelClosedException closed;
  private volatile boolean needsResync;
  private final AtomicLong readyCount = new AtomicLong();
  /** Counts every byte read and every element decoded, so a caller can tell whether the line stayed silent. */
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong eventsRouted = new AtomicLong();
  /** {@link #eventsRouted} just after the last final result taken by a command. */
  private volatile long eventsAtLastFinal;

  public CommandChannel(Transport transport, ChannelOptions options) {
    this.transport = transport;
    this.options = options;
    this.decoder = new ResponseDecoder(options.limits());
    this.listeners = new ListenerDispatch(transport.description());
    this.attempts = new Attempts(this, options);
    this.reader = Thread.ofPlatform().daemon().name("esp-at-reader-" + transport.description()).start(this::readLoop);
  }

  public Transport transport() {
    return transport;
  }

  public ChannelOptions options() {
    return options;
  }

  public void addListener(DeviceListener listener) {
    listeners.add(listener);
  }

  public void removeListener(DeviceListener listener) {
    listeners.remove(listener);
  }

  /**
   * Runs one command and returns its successful response.
   *
   * @throws dev.espat.driver.AtException or one of its subclasses: failed, timed out, busy, reset, closed
   */
  public Response execute(CommandRequest request) {
    return exclusive(() -> {
      if (needsResync) {
        resync();
      }
      return attempts.run(request);
    }, request.maskedText());
  }

  /** Runs {@code work} with the channel to itself: no other caller's command comes in between. */
  public <T> T exclusive(Callable<T> work, String what) {
    long start = System.nanoTime();
    try {
      if (!turn.tryLock(options.queueTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
        throw new CommandTimeoutException(what, "turn behind other callers", Duration.ofNanos(System.nanoTime() - start), "");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelClosedException(what, "interrupted while waiting for its turn", e);
    }
    try {
      ensureOpen(what);
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      turn.unlock();
    }
  }

  /** How many {@code ready} the device has printed since the channel opened (P-40). */
  public long readyCount() {
    return readyCount.get();
  }

  /** Sends {@code AT} until the device answers {@code OK}: after garbage, a timeout, or at open. */
  public void resync() {
    needsResync = false;
    attempts.resync();
  }

  /**
   * Waits {@code period}; true when nothing followed the last final result a command took: no
   * element decoded since it, no byte read during the wait.
   */
  boolean quietFor(Duration period) {
    long before = bytesRead.get();
    try {
      Thread.sleep(period);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelClosedException("AT", "interrupted while waiting for a quiet line", e);
    }
    return bytesRead.get() == before && eventsRouted.get() == eventsAtLastFinal;
  }

  void ensureOpen(String what) {
    ChannelClosedException c = closed;
    if (c != null) {
      throw new ChannelClosedException(what, c.getMessage(), c);
    }
  }

  void begin(Exchange exchange) {
    current = exchange;
  }

  void end(Exchange exchange, boolean clean) {
    exchange.release();
    if (current == exchange) {
      current = null;
    }
    if (!clean) {
      // The device may still answer the abandoned command: read past that before the next one.
      needsResync = true;
    }
  }

  void send(byte[] bytes, String what) {
    ensureOpen(what);
    try {
      transport.write(bytes);
    } catch (IOException e) {
      ended(e);
      throw new ChannelClosedException(what, "writing to " + transport.description() + " failed: " + e.getMessage(), e);
    }
  }

  // ---- reader thread -------------------------------------------------------------------

  private void readLoop() {
    byte[] buffer = new byte[READ_BUFFER];
    try {
      while (closed == null) {
        int n = transport.read(buffer, 0, buffer.length);
        if (n < 0) {
          break;
        }
        bytesRead.addAndGet(n);
        decoder.receive(buffer, 0, n);
        drain();
      }
      ended(null);
    } catch (IOException | RuntimeException e) {
      ended(e);
    }
  }

  private void drain() {
    while (true) {
      Optional<ResponseEvent> event;
      try {
        event = decoder.next();
      } catch (AtGrammarException garbage) {
        // The decoder skipped the bad element; the exchange notes it and the next caller resyncs.
        Exchange ex = current;
        if (ex != null) {
          ex.problem(garbage.getMessage());
        }
        needsResync = true;
        continue;
      }
      if (event.isEmpty()) {
        return;
      }
      route(event.get());
    }
  }

  private void route(ResponseEvent event) {
    eventsRouted.incrementAndGet();
    Exchange ex = current;
    boolean ours = ex != null && !ex.awaitingResend && !ex.finished;
    switch (event) {
      case Ready r -> {
        readyCount.incrementAndGet();
        listeners.dispatch(r);
        if (ex != null) {
          ex.post(ex.request.expectsReady() ? new Exchange.Ready() : new Exchange.Reset());
        }
      }
      case UnsolicitedMessage u -> {
        listeners.dispatch(u);
        if (ours) {
          ex.add(u);
        }
      }
      case Busy b -> {
        if (ours) {
          ex.awaitingResend = true;
          ex.post(new Exchange.Busy());
        }
      }
      case FinalResult f -> {
        if (ours && ex.request.hasPayload() && !ex.promptSeen && f.code() == ResultCode.OK) {
          return; // the OK that comes before the data prompt (P-11)
        }
        if (ours) {
          eventsAtLastFinal = eventsRouted.get();
          ex.finish(f);
        } else if (ex == null || !ex.awaitingResend) {
          // A final result nobody waits for: a late answer to an abandoned command, or noise.
          // (While a resend after busy is pending, the command that kept the device busy ends.)
          needsResync = true;
        }
      }
      case DataPrompt p -> {
        if (ours && ex.request.hasPayload() && !ex.promptSeen) {
          ex.promptSeen = true;
          ex.post(new Exchange.Prompt());
        } else if (ours) {
          ex.problem("a data prompt '>' nobody asked for");
        }
      }
      case InformationLine i -> addOrDrop(ex, ours, i);
      case BodyFrame f -> {
        if (ours && ex.request.frames() != null) {
          stream(ex, f);
        } else {
          addOrDrop(ex, ours, f);
        }
      }
      case TextLine t -> addOrDrop(ex, ours, t);
    }
  }

  /** Waits for the caller to take the frame: a slow consumer slows the reader, not memory (P-33). */
  private void stream(Exchange ex, BodyFrame f) {
    try {
      ex.stream(f);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("reader interrupted", e);
    }
  }

  private void addOrDrop(Exchange ex, boolean ours, ResponseEvent event) {
    if (ours) {
      ex.add(event);
    } else if (event instanceof TextLine) {
      // A line with no command to belong to: noise on the line, or someone else's command.
      needsResync = true;
    }
  }

  private void ended(Throwable cause) {
    if (closed == null) {
      String why = "the connection to " + transport.description() + " ended"
          + (cause == null ? "" : ": " + cause.getMessage());
      closed = new ChannelClosedException("", why, cause);
      transport.close();
    }
    Exchange ex = current;
    if (ex != null) {
      ex.post(new Exchange.Closed(closed));
    }
  }

  /** Closes the transport; the command in flight and every later one fail with ChannelClosedException. */
  @Override
  public void close() {
    if (closed == null) {
      closed = new ChannelClosedException("", "the channel to " + transport.description() + " was closed", null);
    }
    transport.close();
    Exchange ex = current;
    if (ex != null) {
      ex.post(new Exchange.Closed(closed));
    }
    if (Thread.currentThread() != reader) {
      try {
        reader.join(READER_JOIN.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    listeners.close();
  }

  /** A command to run as part of the protocol itself (handshake, resync). */
  static CommandRequest at(Duration timeout) {
    return CommandRequest.of(AtCommand.execute(""), timeout);
  }
}
