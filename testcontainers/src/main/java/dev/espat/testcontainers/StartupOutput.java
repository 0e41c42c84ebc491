package dev.espat.testcontainers;

import java.util.function.Consumer;
import org.testcontainers.containers.output.OutputFrame;

/**
 * The last few kilobytes the emulator printed, so that a container that fails to start can say why
 * in its exception rather than only in a log.
 */
final class StartupOutput implements Consumer<OutputFrame> {
  /** Enough for picocli's usage message after a refused option. */
  private static final int LIMIT = 4096;

  private final StringBuilder text = new StringBuilder();

  @Override
  public synchronized void accept(OutputFrame frame) {
    String s = frame.getUtf8String();
    if (s == null || s.isEmpty()) {
      return;
    }
    text.append(s);
    if (text.length() > LIMIT) {
      text.delete(0, text.length() - LIMIT);
    }
  }

  synchronized String text() {
    return text.isEmpty() ? "(nothing)" : text.toString().stripTrailing();
  }
}
