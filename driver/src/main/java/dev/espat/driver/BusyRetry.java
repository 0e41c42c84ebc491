package dev.espat.driver;

import java.time.Duration;

/**
 * How the driver retries a command the device answered {@code busy p...} (P-10): up to
 * {@code attempts} sends in all, waiting {@code initialDelay} after the first busy and doubling
 * the wait up to {@code maxDelay}.
 *
 * <pre>{@code
 * EspAt.builder(url).busyRetry(new BusyRetry(20, Duration.ofMillis(20), Duration.ofMillis(500)));
 * }</pre>
 *
 * @param attempts how many times a command is sent at most, 1 or more (1: never retry)
 * @param initialDelay the wait after the first busy
 * @param maxDelay the longest wait between two sends
 */
public record BusyRetry(int attempts, Duration initialDelay, Duration maxDelay) {

  /** 40 sends over about 15 s: enough for a Wi-Fi join that another caller started. */
  public static final BusyRetry DEFAULT = new BusyRetry(40, Duration.ofMillis(20), Duration.ofMillis(500));

  public BusyRetry {
    if (attempts < 1) {
      throw new IllegalArgumentException("busy retry attempts must be at least 1, got " + attempts);
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("busy retry delays must satisfy 0 <= initial (" + initialDelay
          + ") <= max (" + maxDelay + ")");
    }
  }

  /** The wait after the {@code busyCount}-th busy answer (1-based). */
  public Duration delayAfter(int busyCount) {
    Duration d = initialDelay;
    for (int i = 1; i < busyCount && d.compareTo(maxDelay) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
