package dev.espat.emulator.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The trace of every device of an emulator: kept in memory (the last {@link #RETAINED} events, for
 * tests and the admin API) and, when asked, appended to a file as it happens. Secrets are masked
 * before an event exists, so neither copy ever holds one. Thread-safe.
 */
public final class Trace implements AutoCloseable {
  /** Events kept in memory; older ones are dropped from memory (the file keeps everything). */
  public static final int RETAINED = 10_000;

  private final Clock clock;
  private final ArrayDeque<TraceEvent> recent = new ArrayDeque<>();
  private final Optional<BufferedWriter> file;
  private long dropped;

  public Trace(Clock clock, Optional<Path> path) {
    this.clock = clock;
    try {
      this.file = path.isPresent()
          ? Optional.of(Files.newBufferedWriter(path.get(), StandardCharsets.UTF_8,
              StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trace file " + path.get() + ": " + e.getMessage(), e);
    }
  }

  /** A trace in memory only. */
  public static Trace inMemory() {
    return new Trace(Clock.systemUTC(), Optional.empty());
  }

  public synchronized void record(String device, TraceEvent.Direction direction, String text) {
    TraceEvent event = new TraceEvent(clock.instant(), device, direction, text);
    if (recent.size() == RETAINED) {
      recent.removeFirst();
      dropped++;
    }
    recent.addLast(event);
    file.ifPresent(w -> {
      try {
        w.write(event.line());
        w.newLine();
        w.flush();
      } catch (IOException e) {
        // A full disk must not stop the device; the in-memory trace goes on.
      }
    });
  }

  /** The events in memory, oldest first. */
  public synchronized List<TraceEvent> events() {
    return List.copyOf(recent);
  }

  /** How many events were dropped from memory because more than {@link #RETAINED} came. */
  public synchronized long droppedFromMemory() {
    return dropped;
  }

  @Override
  public synchronized void close() {
    file.ifPresent(w -> {
      try {
        w.close();
      } catch (IOException e) {
        // closing a trace file that cannot be flushed any more: nothing left to save
      }
    });
  }
}
