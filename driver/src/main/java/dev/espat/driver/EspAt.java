package dev.espat.driver;

import dev.espat.driver.http.HttpClient;
import dev.espat.driver.internal.ChannelOptions;
import dev.espat.driver.internal.CommandChannel;
import dev.espat.driver.internal.CommandRequest;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * An ESP32 running ESP-AT, on a serial port or a socket. Opening it handshakes: {@code AT} until
 * {@code OK}, {@code ATE0} (no echo), {@code AT+SYSLOG=1} (error codes, P-14), {@code AT+GMR}
 * (the firmware version and what it can do, P-27). Thread-safe: callers queue fairly and run one
 * command at a time.
 *
 * <pre>{@code
 * try (EspAt esp = EspAt.open("socket://127.0.0.1:3333")) {
 *   System.out.println(esp.firmware().version());     // 4.1.0.0
 *   esp.wifi().join("espressif", "1234567890");
 *   esp.addListener(e -> System.out.println("device: " + e));
 * }
 * }</pre>
 */
public final class EspAt implements AutoCloseable {
  private final CommandChannel channel;
  private final EspAtBuilder settings;
  private final Wifi wifi = new Wifi(this);
  private final HttpClient http = new HttpClient(this);
  /** The rate the device boots at, assumed to be the rate the port was opened at (P-44). */
  private final int bootBaud;
  private volatile FirmwareInfo firmware;
  /** How many {@code ready} the channel had seen at the last handshake; more means redo it. */
  private long handshakeReadyCount;

  private EspAt(CommandChannel channel, EspAtBuilder settings) {
    this.channel = channel;
    this.settings = settings;
    this.bootBaud = channel.transport().baudRate().orElse(Transport.DEFAULT_BAUD_RATE);
  }

  /**
   * Opens the port a URL names and handshakes; see {@link Transport#open(String)} for the forms.
   *
   * @throws UncheckedIOException when the port cannot be opened
   * @throws AtException when the device does not answer the handshake
   */
  public static EspAt open(String portUrl) {
    return builder(portUrl).open();
  }

  /** Options for a device on the port a URL names. */
  public static EspAtBuilder builder(String portUrl) {
    return new EspAtBuilder(portUrl, null);
  }

  /** Options for a device on a transport the caller opened (streams in a test, say). */
  public static EspAtBuilder builder(Transport transport) {
    return new EspAtBuilder(null, transport);
  }

  /** What AT+GMR reported at the last handshake. */
  public FirmwareInfo firmware() {
    return firmware;
  }

  /** What the firmware can do, derived from its version (P-27). */
  public Capabilities capabilities() {
    return firmware.capabilities();
  }

  /** The station interface: join, leave, status. */
  public Wifi wifi() {
    return wifi;
  }

  /**
   * The HTTP client over this device's HTTP AT commands; it picks the command per request.
   *
   * <pre>{@code
   * HttpResponse r = esp.http().send(HttpRequest.newBuilder(URI.create("http://example.com/get")).build());
   * }</pre>
   */
  public HttpClient http() {
    return http;
  }

  /** The most bytes one answer may hold in memory ({@link EspAtBuilder#maxResponseBytes(int)}). */
  public int maxResponseBytes() {
    return settings.maxResponseBytes;
  }

  /**
   * Runs {@code work}, which may call {@link #execute} and {@link #executeWithData} several times,
   * with no other caller's command in between (AT+HTTPURLCFG then the command that uses it).
   */
  public <T> T atomically(Supplier<T> work) {
    return exclusive("several commands", work::get);
  }

  /** The transport underneath, for its description and line rate. */
  public Transport transport() {
    return channel.transport();
  }

  public void addListener(DeviceListener listener) {
    channel.addListener(listener);
  }

  public void removeListener(DeviceListener listener) {
    channel.removeListener(listener);
  }

  /**
   * Runs any command with the default timeout and returns its answer.
   *
   * @throws CommandFailedException on {@code ERROR}; see {@link AtException} for the others
   */
  public Response execute(AtCommand command) {
    return execute(command, settings.commandTimeout);
  }

  /** Runs any command, waiting up to {@code timeout} for its final result. */
  public Response execute(AtCommand command, Duration timeout) {
    return run(CommandRequest.of(command, timeout));
  }

  /** Runs a command that prompts with {@code >} and then takes {@code payload} (P-11). */
  public Response executeWithData(AtCommand command, byte[] payload, Duration timeout) {
    return run(CommandRequest.withData(command, payload, timeout));
  }

  /**
   * Runs a prepared request: a streamed payload, body frames handed to a sink as they arrive. For
   * the driver's own clients (the HTTP client); {@link CommandRequest} is not a stable API.
   */
  public Response execute(CommandRequest request) {
    return run(request);
  }

  private Response run(CommandRequest request) {
    return exclusive(request.maskedText(), () -> channel.execute(request));
  }

  /** AT+RST: waits for {@code ready}, then handshakes again (P-40). */
  public void reset() {
    restart("+RST");
  }

  /** AT+RESTORE: factory settings, waits for {@code ready}, then handshakes again (P-40). */
  public void restore() {
    restart("+RESTORE");
  }

  private void restart(String name) {
    AtCommand command = AtCommand.execute(name);
    exclusive(command.toString(), () -> {
      // The device boots at its stored rate; follow it before ready comes (P-44).
      channel.execute(CommandRequest.restarting(command, settings.commandTimeout, settings.readyTimeout,
          () -> retune(bootBaud)));
      handshake();
      return null;
    });
  }

  /**
   * AT+UART_CUR: the device answers OK at the old rate and switches (P-44); the transport follows
   * and the driver checks with {@code AT} that both ends agree. Not kept across a reset.
   */
  public void changeBaudRate(int baud) {
    AtCommand command = AtCommand.set("+UART_CUR", Parameter.integer(baud), Parameter.integer(8), Parameter.integer(1),
        Parameter.integer(0), Parameter.integer(settings.rtsCts ? 3 : 0));
    exclusive(command.toString(), () -> {
      channel.execute(CommandRequest.of(command, settings.commandTimeout));
      retune(baud);
      channel.resync();
      return null;
    });
  }

  private void retune(int baud) {
    try {
      channel.transport().changeBaudRate(baud);
    } catch (IOException e) {
      throw new ChannelClosedException("AT+UART_CUR", e.getMessage(), e);
    }
  }

  /** Runs work with the channel to itself, handshaking first if the device restarted meanwhile. */
  private <T> T exclusive(String what, Callable<T> work) {
    return channel.exclusive(() -> {
      if (channel.readyCount() != handshakeReadyCount) {
        handshake();
      }
      return work.call();
    }, what);
  }

  /** AT until OK, ATE0, AT+SYSLOG=1, AT+GMR. Called with the channel's turn held. */
  private void handshake() {
    handshakeReadyCount = channel.readyCount();
    channel.resync();
    channel.execute(CommandRequest.of(AtCommand.execute("E0"), settings.commandTimeout));
    channel.execute(CommandRequest.of(AtCommand.set("+SYSLOG", Parameter.integer(1)), settings.commandTimeout));
    Response gmr = channel.execute(CommandRequest.of(AtCommand.execute("+GMR"), settings.commandTimeout));
    try {
      firmware = FirmwareInfo.parse(gmr.textLines());
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(gmr.command(), e.getMessage());
    }
  }

  /** Closes the port; a command in flight fails at once with {@link ChannelClosedException}. */
  @Override
  public void close() {
    channel.close();
  }

  @Override
  public String toString() {
    return "EspAt[" + channel.transport().description() + (firmware == null ? "" : ", " + firmware.version()) + "]";
  }

  /** Builds the channel from the options. */
  static EspAt start(Transport transport, EspAtBuilder b) {
    ChannelOptions options = new ChannelOptions(b.commandTimeout, b.queueTimeout, b.busyRetry, b.limits,
        b.maxResponseBytes, b.handshakeAttempts, b.handshakeTimeout, ChannelOptions.DEFAULT_QUIET_PERIOD);
    CommandChannel channel = new CommandChannel(transport, options);
    EspAt esp = new EspAt(channel, b);
    try {
      esp.exclusive("handshake", () -> {
        esp.handshake();
        return null;
      });
      return esp;
    } catch (RuntimeException e) {
      esp.close();
      throw e;
    }
  }
}
