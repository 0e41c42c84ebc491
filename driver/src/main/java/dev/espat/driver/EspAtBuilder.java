package dev.espat.driver;

import dev.espat.driver.internal.ChannelOptions;
import dev.espat.driver.internal.PortUrl;
import dev.espat.grammar.response.DecoderLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Options for {@link EspAt}; every one has a default.
 *
 * <pre>{@code
 * EspAt esp = EspAt.builder("serial:/dev/ttyUSB0?baud=115200")
 *     .commandTimeout(Duration.ofSeconds(3))
 *     .busyRetry(new BusyRetry(10, Duration.ofMillis(50), Duration.ofSeconds(1)))
 *     .open();
 * }</pre>
 */
public final class EspAtBuilder {
  private final String portUrl;
  private final Transport transport;
  Duration commandTimeout = ChannelOptions.defaults().commandTimeout();
  Duration queueTimeout = ChannelOptions.defaults().queueTimeout();
  Duration readyTimeout = Duration.ofSeconds(5);
  Duration handshakeTimeout = ChannelOptions.defaults().resyncTimeout();
  int handshakeAttempts = ChannelOptions.defaults().resyncAttempts();
  BusyRetry busyRetry = BusyRetry.DEFAULT;
  DecoderLimits limits = DecoderLimits.defaults();
  int maxResponseBytes = ChannelOptions.DEFAULT_MAX_RESPONSE_BYTES;
  boolean rtsCts;

  EspAtBuilder(String portUrl, Transport transport) {
    this.portUrl = portUrl;
    this.transport = transport;
    if (portUrl != null && PortUrl.parse(portUrl) instanceof PortUrl.Serial s) {
      rtsCts = s.rtsCts();
    }
  }

  /** How long a command may take to its final result (5 s); Wi-Fi joins wait longer on their own. */
  public EspAtBuilder commandTimeout(Duration timeout) {
    commandTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** How long a caller may wait behind others for its turn (2 min). */
  public EspAtBuilder queueTimeout(Duration timeout) {
    queueTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** How long AT+RST and AT+RESTORE wait for {@code ready} after {@code OK} (5 s; P-51 says ~300 ms). */
  public EspAtBuilder readyTimeout(Duration timeout) {
    readyTimeout = Objects.requireNonNull(timeout);
    return this;
  }

  /** How many {@code AT} the handshake and resynchronisation send (5), and how long each waits (500 ms). */
  public EspAtBuilder handshake(int attempts, Duration timeoutEach) {
    handshakeAttempts = attempts;
    handshakeTimeout = Objects.requireNonNull(timeoutEach);
    return this;
  }

  /** What to do with {@code busy p...} (P-10); {@link BusyRetry#DEFAULT} waits about 15 s in all. */
  public EspAtBuilder busyRetry(BusyRetry retry) {
    busyRetry = Objects.requireNonNull(retry);
    return this;
  }

  /** The decoder's line and frame limits. */
  public EspAtBuilder decoderLimits(DecoderLimits decoderLimits) {
    limits = Objects.requireNonNull(decoderLimits);
    return this;
  }

  /** The most one command's answer may hold in memory (1 MiB). */
  public EspAtBuilder maxResponseBytes(int bytes) {
    maxResponseBytes = bytes;
    return this;
  }

  /**
   * Opens the port and handshakes.
   *
   * @throws UncheckedIOException naming the port when it cannot be opened
   * @throws AtException when the device does not answer the handshake
   */
  public EspAt open() {
    Transport t = transport;
    if (t == null) {
      try {
        t = Transport.open(portUrl);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
    return EspAt.start(t, this);
  }
}
