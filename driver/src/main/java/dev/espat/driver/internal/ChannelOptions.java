package dev.espat.driver.internal;

import dev.espat.driver.BusyRetry;
import dev.espat.grammar.response.DecoderLimits;
import java.time.Duration;

/**
 * How a {@link CommandChannel} waits, retries and bounds memory.
 *
 * @param commandTimeout how long a command may take to reach its final result, per send
 * @param queueTimeout how long a caller may wait for its turn behind other callers
 * @param busyRetry what to do with {@code busy p...} (P-10)
 * @param limits the decoder's line and frame limits
 * @param maxResponseBytes the most a response may hold (frames included unless streamed)
 * @param resyncAttempts how many {@code AT} a resynchronisation sends before giving up
 * @param resyncTimeout how long each of those waits for {@code OK}
 * @param quietPeriod how long the line must stay silent after the {@code OK} of a resynchronising
 *     {@code AT} before the driver trusts that the {@code OK} was the probe's
 */
public record ChannelOptions(
    Duration commandTimeout,
    Duration queueTimeout,
    BusyRetry busyRetry,
    DecoderLimits limits,
    int maxResponseBytes,
    int resyncAttempts,
    Duration resyncTimeout,
    Duration quietPeriod) {

  /** Responses of the basic and Wi-Fi commands are a few hundred bytes; AT+CWLAP a few KiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  /**
   * Far longer than a device takes to answer {@code AT} (microseconds on TCP, half a millisecond
   * at 115200 baud), far shorter than a human notices.
   */
  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(150);

  public ChannelOptions {
    requirePositive("commandTimeout", commandTimeout);
    requirePositive("queueTimeout", queueTimeout);
    requirePositive("resyncTimeout", resyncTimeout);
    requirePositive("quietPeriod", quietPeriod);
    if (maxResponseBytes < 1 || resyncAttempts < 1) {
      throw new IllegalArgumentException("maxResponseBytes and resyncAttempts must be positive");
    }
  }

  public static ChannelOptions defaults() {
    return new ChannelOptions(Duration.ofSeconds(5), Duration.ofMinutes(2), BusyRetry.DEFAULT,
        DecoderLimits.defaults(), DEFAULT_MAX_RESPONSE_BYTES, 5, Duration.ofMillis(500), DEFAULT_QUIET_PERIOD);
  }

  private static void requirePositive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
