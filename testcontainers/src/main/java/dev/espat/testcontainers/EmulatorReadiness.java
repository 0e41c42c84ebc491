package dev.espat.testcontainers;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until the emulator printed every line it prints once it serves (its port's {@code
 * listening} line, the admin API's), and gives up at once when the container exits, which a
 * refused option makes it do within a second: a log-message wait alone would wait out its timeout.
 */
final class EmulatorReadiness extends AbstractWaitStrategy {
  /** The CLI's line for the first device's port: {@code listening dev0 on tcp 0.0.0.0:3333 (...)}. */
  static final Pattern DEVICE_LISTENING = Pattern.compile("^listening dev0 on ", Pattern.MULTILINE);
  /** The admin API's line: {@code admin listening on http://0.0.0.0:8080/}. */
  static final Pattern ADMIN_LISTENING = Pattern.compile("admin listening on ");

  private static final Duration POLL = Duration.ofMillis(100);

  private final List<Pattern> lines;

  EmulatorReadiness(List<Pattern> lines) {
    this.lines = List.copyOf(lines);
  }

  @Override
  protected void waitUntilReady() {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    while (true) {
      String output = waitStrategyTarget.getLogs();
      if (lines.stream().allMatch(p -> p.matcher(output).find())) {
        return;
      }
      if (!waitStrategyTarget.isRunning()) {
        throw new ContainerLaunchException("the emulator exited before it was listening");
      }
      if (System.nanoTime() > deadline) {
        throw new ContainerLaunchException("the emulator did not print " + lines + " within " + startupTimeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for the emulator to listen", e);
      }
    }
  }
}
