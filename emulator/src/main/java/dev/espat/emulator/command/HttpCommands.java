package dev.espat.emulator.command;

import static dev.espat.grammar.CommandType.SET;

import dev.espat.emulator.device.CommandFamily;
import dev.espat.emulator.device.CommandSpec;
import dev.espat.emulator.device.DataReceiver;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.Exchange;
import dev.espat.emulator.firmware.FirmwareVersion;
import dev.espat.emulator.http.CallFaults;
import dev.espat.emulator.http.HttpEngine;
import dev.espat.emulator.http.OutgoingRequest;
import dev.espat.emulator.http.RequestLog;
import dev.espat.emulator.http.TlsSettings;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.ParameterException;
import dev.espat.grammar.SubCategory;
import dev.espat.grammar.response.ResultCode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP commands that send requests (P-20..P-23, P-26, P-27): AT+HTTPCLIENT, AT+HTTPGETSIZE,
 * AT+HTTPCGET, AT+HTTPCPOST, AT+HTTPCPUT and AT+HTTPCFG. Requests go out through the emulator's
 * {@link HttpEngine}; what AT+HTTPURLCFG and AT+HTTPCHEAD stored ({@link HttpSettings}) applies.
 *
 * <pre>{@code
 * AT+HTTPCGET="http://example.com/bytes/5000",2048,2048,5000
 * +HTTPCGET:2048,<2048 bytes>
 * ...
 * OK
 * }</pre>
 */
public final class HttpCommands implements CommandFamily {
  /** P-21, P-22: the network timeout when a command gives none, and its range. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(5000);

  static final int MAX_TIMEOUT_MS = 180_000;

  /** P-21, P-22: the tx and rx size range; 0 means the default. */
  static final int MAX_BUFFER_SIZE = 10_240;

  /** P-23 leaves the body's length open; a real ESP32 has far less heap than this. */
  static final int MAX_UPLOAD_LENGTH = 1 << 20;

  /** P-26 leaves the certificate numbers open; the firmware's partitions hold a handful. */
  static final int MAX_CERTIFICATE_NUMBER = 255;

  /** P-23: what HTTPCPOST and HTTPCPUT send unless a header replaces it. */
  static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

  /** A failure that is not the network's: an abandoned data mode. */
  private static final ErrorCode EXECUTION_FAILED = ErrorCode.of(SubCategory.COMMAND_EXECUTION_FAILED, 0);

  /** AT+HTTPCFG's setting, in RAM. */
  static final class TlsSetting {
    TlsSettings value = TlsSettings.NONE;
  }

  private final HttpEngine engine;
  private final RequestLog requests;
  private final HttpFaultHooks faults;
  private final HttpTransfer.BufferProbe probe = new HttpTransfer.BufferProbe();
  private final Set<HttpTransfer> running = ConcurrentHashMap.newKeySet();

  /** The family for one device: its requests go through {@code engine} and are logged in {@code requests}. */
  public HttpCommands(HttpEngine engine, RequestLog requests) {
    this(engine, requests, HttpFaultHooks.NONE);
  }

  /** The family for one device whose requests meet the faults {@code faults} injects. */
  public HttpCommands(HttpEngine engine, RequestLog requests, HttpFaultHooks faults) {
    this.engine = engine;
    this.requests = requests;
    this.faults = faults;
  }

  @Override
  public List<CommandSpec> commands() {
    return List.of(
        CommandSpec.named("+HTTPCLIENT").since(FirmwareVersion.V2_0).on(SET, this::client),
        CommandSpec.named("+HTTPGETSIZE").since(FirmwareVersion.V2_0).on(SET, this::getSize),
        CommandSpec.named("+HTTPCGET").since(FirmwareVersion.V2_3).on(SET, this::get),
        CommandSpec.named("+HTTPCPOST").since(FirmwareVersion.V2_3).on(SET, (c, e) -> upload(c, e, "POST")),
        CommandSpec.named("+HTTPCPUT").since(FirmwareVersion.V3_0).on(SET, (c, e) -> upload(c, e, "PUT")),
        CommandSpec.named("+HTTPCFG").since(FirmwareVersion.V4_1).on(SET, HttpCommands::configure));
  }

  /** After a reset nobody waits for a download any more: its connection goes. */
  @Override
  public void onBoot(Device.BootContext context) {
    running.forEach(t -> t.call().cancel());
    running.clear();
  }

  /** The most body bytes ever waiting for the UART: a probe for tests of the watermarks (P-33). */
  long peakBufferedBytes() {
    return probe.peak();
  }

  static TlsSettings tls(Exchange ex) {
    return ex.ram(TlsSetting.class, TlsSetting::new).value;
  }

  private void client(AtCommand cmd, Exchange ex) {
    OutgoingRequest request = HttpClientCommand.request(cmd, ex);
    int rx = ex.firmware().defaultRxFrameSize();
    send(ex, request, new HttpTransfer.Reply("HTTPCLIENT", HttpClientCommand.shape(request), rx, ResultCode.OK, ResultCode.ERROR));
  }

  private void getSize(AtCommand cmd, Exchange ex) {
    Transfer t = Transfer.read(cmd, ex);
    send(ex, get(ex, t), new HttpTransfer.Reply("HTTPGETSIZE", HttpTransfer.Shape.SIZE, t.rxSize, ResultCode.OK, ResultCode.ERROR));
  }

  private void get(AtCommand cmd, Exchange ex) {
    Transfer t = Transfer.read(cmd, ex);
    send(ex, get(ex, t), new HttpTransfer.Reply("HTTPCGET", HttpTransfer.Shape.BODY, t.rxSize, ResultCode.OK, ResultCode.ERROR));
  }

  private static OutgoingRequest get(Exchange ex, Transfer t) {
    List<java.util.Map.Entry<String, String>> headers =
        HeaderLines.assemble(t.uri, null, List.of(), HttpSettings.of(ex.state()).headers(), null);
    return new OutgoingRequest("GET", t.uri, headers, null, t.timeout, tls(ex));
  }

  /** P-23: checks everything, then the prompt, then the body, then the request. */
  private void upload(AtCommand cmd, Exchange ex, String method) {
    URI uri = HttpUrl.required(cmd, 1, ex);
    int length = cmd.integer(2, 1, MAX_UPLOAD_LENGTH);
    int announced = cmd.optionalInteger(3, 0, Integer.MAX_VALUE).orElse(0);
    int given = Math.max(0, cmd.parameterCount() - 3);
    if (announced != given) {
      throw new ParameterException(3, "announces " + announced + " headers but " + given + " follow");
    }
    List<byte[]> headers = HeaderLines.fromParameters(cmd, 4);
    if (!WifiStation.hasIp(ex.state())) {
      ex.error(ErrorCode.HTTP_CONNECTION_FAILED); // P-43, before the prompt: nothing to send it with
      return;
    }
    String frameName = "HTTPC" + method;
    byte[] body = new byte[length];
    ex.dataMode(length, new DataReceiver() {
      private int filled;

      @Override
      public void data(byte[] chunk, long remaining, Exchange exchange) {
        System.arraycopy(chunk, 0, body, filled, chunk.length);
        filled += chunk.length;
        if (remaining == 0 && faults.takeSendFail()) {
          exchange.failure(ResultCode.SEND_FAIL, ErrorCode.HTTP_CONNECTION_FAILED);
        } else if (remaining == 0) {
          OutgoingRequest request = new OutgoingRequest(method, uri,
              HeaderLines.assemble(uri, FORM_CONTENT_TYPE, headers, HttpSettings.of(ex.state()).headers(), body),
              body, DEFAULT_TIMEOUT, tls(ex));
          start(ex, request, new HttpTransfer.Reply(frameName, HttpTransfer.Shape.BODY,
              ex.firmware().defaultRxFrameSize(), ResultCode.SEND_OK, ResultCode.SEND_FAIL));
        }
      }

      @Override
      public void abandoned(Exchange exchange) {
        exchange.failure(ResultCode.SEND_FAIL, EXECUTION_FAILED);
      }
    });
  }

  private static void configure(AtCommand cmd, Exchange ex) {
    cmd.requireParameterCount(1, 3);
    int mode = cmd.integer(1, 0, 3);
    int pki = cmd.optionalInteger(2, 0, MAX_CERTIFICATE_NUMBER).orElse(0);
    int ca = cmd.optionalInteger(3, 0, MAX_CERTIFICATE_NUMBER).orElse(0);
    ex.ram(TlsSetting.class, TlsSetting::new).value = new TlsSettings(mode, pki, ca);
    ex.ok();
  }

  /** Sends now, or answers the connection failure when the station has no IP (P-43). */
  private void send(Exchange ex, OutgoingRequest request, HttpTransfer.Reply reply) {
    if (!refusedWithoutIp(ex, request, reply)) {
      start(ex, request, reply);
    }
  }

  private static boolean refusedWithoutIp(Exchange ex, OutgoingRequest request, HttpTransfer.Reply reply) {
    if (WifiStation.hasIp(ex.state())) {
      return false;
    }
    ex.note("HTTP " + request.method() + " refused: the station has no IP (P-43)");
    ex.failure(reply.failure(), ErrorCode.HTTP_CONNECTION_FAILED);
    return true;
  }

  /** Sends the request, after the latency an http-latency fault adds. */
  private void start(Exchange ex, OutgoingRequest request, HttpTransfer.Reply reply) {
    Duration latency = faults.requestLatency();
    if (latency.isZero()) {
      go(ex, request, reply);
    } else {
      ex.later(latency, () -> go(ex, request, reply)); // a reset meanwhile: never sent
    }
  }

  private void go(Exchange ex, OutgoingRequest request, HttpTransfer.Reply reply) {
    if (refusedWithoutIp(ex, request, reply)) {
      return; // the station lost its IP while the request waited (wifi-disconnect during http-latency)
    }
    // Only a transfer that prints a body uses up a fault that cuts bodies.
    boolean body = reply.shape() == HttpTransfer.Shape.BODY;
    long dropAfter = body ? faults.takeDropAfter().orElse(CallFaults.NO_DROP) : CallFaults.NO_DROP;
    long truncateAfter = body ? faults.takeTruncateAfter().orElse(HttpTransfer.NO_TRUNCATION) : HttpTransfer.NO_TRUNCATION;
    HttpTransfer[] self = new HttpTransfer[1];
    self[0] = new HttpTransfer(ex, request, reply, probe, requests, truncateAfter, () -> running.remove(self[0]));
    running.add(self[0]);
    engine.send(request, self[0], new CallFaults(faults::failsToResolve, dropAfter));
  }

  /** The parameters AT+HTTPGETSIZE and AT+HTTPCGET share (P-21, P-22; sizes and timeout since 3.0). */
  private record Transfer(URI uri, int rxSize, Duration timeout) {
    static Transfer read(AtCommand cmd, Exchange ex) {
      cmd.requireParameterCount(1, ex.firmware().has(FirmwareVersion.V3_0) ? 4 : 1);
      URI uri = HttpUrl.required(cmd, 1, ex);
      cmd.optionalInteger(2, 0, MAX_BUFFER_SIZE); // tx size: the request is small, only checked
      int rx = cmd.optionalInteger(3, 0, MAX_BUFFER_SIZE).orElse(0);
      int timeout = cmd.optionalInteger(4, 0, MAX_TIMEOUT_MS).orElse((int) DEFAULT_TIMEOUT.toMillis());
      return new Transfer(uri, rx == 0 ? ex.firmware().defaultRxFrameSize() : rx, Duration.ofMillis(timeout));
    }
  }
}
