package dev.espat.conformance;

import dev.espat.conformance.format.Transcript;
import dev.espat.conformance.internal.DeviceLink;
import dev.espat.conformance.internal.Masking;
import dev.espat.conformance.internal.RunContext;
import dev.espat.conformance.internal.TranscriptRunner;
import dev.espat.conformance.server.TestHttpServer;
import dev.espat.driver.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link Suite} against one device, real or emulated, on any port the driver opens
 * ({@code socket://host:port}, {@code /dev/ttyUSB0}, {@code serial:COM3?baud=921600}), with its own
 * test HTTP(S) server on an address the device can reach.
 *
 * <pre>{@code
 * ConformanceReport report = ConformanceRunner.builder("socket://127.0.0.1:3333")
 *     .serveAddress("127.0.0.1", 0)          // a board on Wi-Fi: the host's LAN address
 *     .wifi("espressif", "1234567890", false)
 *     .build()
 *     .run(Suite.builtIn());
 * report.rules().forEach(r -> System.out.println(r.rule() + " " + r.verdict()));
 * }</pre>
 */
public final class ConformanceRunner {
  /** The network {@code wifi join} uses unless told otherwise: the spec's examples'. */
  public static final String DEFAULT_SSID = "espressif";

  public static final String DEFAULT_PASSWORD = "1234567890";

  private static final Pattern AT_VERSION = Pattern.compile("AT version:([0-9]+(?:\\.[0-9]+){1,3})");

  private final String port;
  private final DeviceLink.Opener opener;
  private final String serveHost;
  private final int servePort;
  private final String ssid;
  private final String password;
  private final boolean knownAccessPoint;
  private final String firmware;
  private final double timeoutScale;
  private final Listener listener;

  private ConformanceRunner(Builder b) {
    this.port = b.port;
    this.opener = b.opener;
    this.serveHost = b.serveHost;
    this.servePort = b.servePort;
    this.ssid = b.ssid;
    this.password = b.password;
    this.knownAccessPoint = b.knownAccessPoint;
    this.firmware = b.firmware;
    this.timeoutScale = b.timeoutScale;
    this.listener = b.listener;
  }

  /**
   * A runner for the device on a port URL, opened with {@link Transport#open} when the run starts
   * ({@link #run} throws {@link IllegalArgumentException} naming the URL when it cannot be read).
   */
  public static Builder builder(String portUrl) {
    return new Builder(portUrl, () -> Transport.open(portUrl));
  }

  /** A runner for a device reached some other way (each call opens a new connection). */
  public static Builder builder(String description, DeviceLink.Opener opener) {
    return new Builder(description, opener);
  }

  /**
   * Runs every transcript of the suite, in order.
   *
   * @throws DeviceUnreachableException when the port does not open or the device does not answer AT
   * @throws UncheckedIOException when the test server cannot listen on the serve address
   */
  public ConformanceReport run(Suite suite) {
    long started = System.nanoTime();
    Masking masking = new Masking(password);
    try (TestHttpServer server = TestHttpServer.start(serveHost, servePort);
         DeviceLink link = open()) {
      String detected = firmware != null ? firmware : detectFirmware(link, masking);
      RunContext context = new RunContext(ssid, password, knownAccessPoint, detected, link.baudRate(), masking, timeoutScale);
      TranscriptRunner runner = new TranscriptRunner(link, server, context);
      listener.started(link.description(), detected == null ? "unknown" : detected + " (" + (firmware != null ? "--firmware" : "AT+GMR") + ")",
          server.url() + " and " + server.tlsUrl(), suite);
      List<TranscriptResult> results = new ArrayList<>();
      for (Transcript t : suite.transcripts()) {
        TranscriptResult r = runOne(runner, t);
        results.add(r);
        listener.finished(r);
      }
      return new ConformanceReport(link.description(), detected == null ? "" : detected,
          firmware != null ? "--firmware" : detected == null ? "unknown" : "AT+GMR",
          server.url() + " and " + server.tlsUrl(), results, Duration.ofNanos(System.nanoTime() - started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static TranscriptResult runOne(TranscriptRunner runner, Transcript t) throws InterruptedException {
    Optional<String> skip = runner.skipReason(t);
    if (skip.isPresent()) {
      return TranscriptResult.skip(t, skip.get());
    }
    long started = System.nanoTime();
    TranscriptRunner.Outcome o = runner.run(t);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    return o.verdict() == Verdict.PASS ? TranscriptResult.pass(t, took) : TranscriptResult.fail(t, o.reason(), o.detail(), took);
  }

  private DeviceLink open() throws InterruptedException {
    DeviceLink link;
    try {
      link = DeviceLink.open(opener);
    } catch (IllegalArgumentException e) {
      throw e; // a port URL that cannot be read: the caller's mistake, not the device's
    } catch (IOException | RuntimeException e) {
      throw new DeviceUnreachableException("cannot open " + port + ": " + e.getMessage(), e);
    }
    try {
      if (!dev.espat.conformance.internal.Probe.answers(link, new Masking(password))) {
        throw new DeviceUnreachableException("the device on " + port + " did not answer AT with OK", null);
      }
      return link;
    } catch (InterruptedException | RuntimeException e) {
      link.close();
      throw e;
    }
  }

  /** The release from AT+GMR's first line ({@code AT version:4.1.0.0(...)}), or null. */
  private static String detectFirmware(DeviceLink link, Masking masking) throws InterruptedException {
    byte[] answer = dev.espat.conformance.internal.Probe.versions(link, masking);
    Matcher m = AT_VERSION.matcher(new String(answer, StandardCharsets.ISO_8859_1));
    return m.find() ? m.group(1) : null;
  }

  /** Hears how a run goes. */
  @FunctionalInterface
  public interface Listener {
    /**
     * The device answered and the test server listens: the transcripts start.
     *
     * @param device the port
     * @param firmware the release and where it came from: {@code 4.1.0.0 (AT+GMR)}, or {@code unknown}
     * @param server the test server's URLs
     */
    default void started(String device, String firmware, String server, Suite suite) {}

    /** A transcript finished (or was skipped). */
    void finished(TranscriptResult result);
  }

  /** Configures a run; everything but the port has a default. */
  public static final class Builder {
    private final String port;
    private final DeviceLink.Opener opener;
    private String serveHost = "127.0.0.1";
    private int servePort;
    private String ssid = DEFAULT_SSID;
    private String password = DEFAULT_PASSWORD;
    private boolean knownAccessPoint;
    private String firmware;
    private double timeoutScale = 1.0;
    private Listener listener = r -> { };

    private Builder(String port, DeviceLink.Opener opener) {
      this.port = port;
      this.opener = opener;
    }

    /**
     * Where the test server listens, an address the device reaches: loopback (the default) for
     * an emulator, the host's LAN address for a board on Wi-Fi. Port 0: free ports.
     */
    public Builder serveAddress(String host, int port) {
      this.serveHost = Objects.requireNonNull(host);
      this.servePort = port;
      return this;
    }

    /**
     * The network {@code wifi join} joins.
     *
     * @param known whether the device knows it, so that another password fails (transcripts
     *     that need this are skipped otherwise)
     */
    public Builder wifi(String ssid, String password, boolean known) {
      this.ssid = Objects.requireNonNull(ssid);
      this.password = Objects.requireNonNull(password);
      this.knownAccessPoint = known;
      return this;
    }

    /** The release the device runs ({@code 4.1}), instead of reading AT+GMR. */
    public Builder firmware(String version) {
      this.firmware = version;
      return this;
    }

    /** Multiplies every transcript's timeout: 2.0 for a slow board or a loaded machine. */
    public Builder timeoutScale(double scale) {
      if (!(scale > 0 && scale <= 100)) {
        throw new IllegalArgumentException("timeout scale " + scale + " must be in (0, 100]");
      }
      this.timeoutScale = scale;
      return this;
    }

    /** Hears the run start and each transcript's result as soon as it is known. */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener);
      return this;
    }

    public ConformanceRunner build() {
      return new ConformanceRunner(this);
    }
  }
}
