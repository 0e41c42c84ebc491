package dev.espat.driver.http;

import dev.espat.driver.AtException;
import dev.espat.driver.Capabilities;
import dev.espat.driver.CommandFailedException;
import dev.espat.driver.EspAt;
import dev.espat.driver.HttpCommand;
import dev.espat.driver.Response;
import dev.espat.driver.ResponseTooLargeException;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.LineTooLongException;
import dev.espat.grammar.Parameter;
import dev.espat.grammar.SecretMasker;
import dev.espat.grammar.SubCategory;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Sends {@link HttpRequest}s through the device's HTTP AT commands, picking the command itself:
 *
 * <ul>
 *   <li>GET: AT+HTTPCGET when the firmware has it (2.3+) and the request has no headers, else
 *       AT+HTTPCLIENT opt 2 (P-20, P-22);
 *   <li>HEAD: AT+HTTPCLIENT opt 1, the response headers read from its frames;
 *   <li>POST: AT+HTTPCLIENT opt 3 when the body is text (UTF-8, no control characters) that fits on
 *       the 256-byte command line, else AT+HTTPCPOST with the body in data mode (P-23);
 *   <li>PUT: AT+HTTPCPUT with the body in data mode (3.0+); without a body AT+HTTPCLIENT opt 4 (which
 *       sends no body, P-20);
 *   <li>DELETE: AT+HTTPCLIENT opt 5;
 *   <li>a URL that does not fit on the line: AT+HTTPURLCFG first, then the command with url
 *       {@code ""} (P-24), all without another caller's command in between.
 * </ul>
 *
 * <p>Headers go as the commands' header fields. Headers that do not fit on the line are refused
 * (AT+HTTPCHEAD is not used yet). Bodies are held in memory, bounded by
 * {@link EspAt#maxResponseBytes()} ({@link HttpBodyTooLargeException} beyond it); streaming is not
 * built yet. Thread-safe: requests run one at a time on the device.
 *
 * <pre>{@code
 * HttpClient http = esp.http();
 * HttpResponse r = http.send(HttpRequest.newBuilder(URI.create("http://example.com/post"))
 *     .POST("{\"a\":1}", ContentType.JSON).build());
 * if (r.status() instanceof HttpStatus.Failed f) throw new IllegalStateException("status " + f.status());
 * }</pre>
 */
public final class HttpClient {
  /** P-24: the URL lengths AT+HTTPURLCFG takes. */
  private static final int MIN_STORED_URL = 8;

  private static final int MAX_STORED_URL = 8192;

  /** P-22: the most AT+HTTPCGET's timeout parameter takes, in ms. */
  private static final long MAX_NETWORK_TIMEOUT_MS = 180_000;

  /** §4: the tx and rx buffer sizes the firmware uses by default. */
  private static final int DEFAULT_BUFFER = 2048;

  private static final ErrorCode HTTP_FAILED_WITHOUT_STATUS = ErrorCode.of(SubCategory.COMMAND_EXECUTION_FAILED, 0);

  private final EspAt esp;

  /** The client of one device; {@link EspAt#http()} returns one. */
  public HttpClient(EspAt esp) {
    this.esp = esp;
  }

  /** The largest answer (body and framing) one request may hold in memory, in bytes. */
  public int maxBodyBytes() {
    return esp.maxResponseBytes();
  }

  /**
   * Sends the request and waits for the whole response.
   *
   * @return the response; a status of 400 or more is {@link HttpStatus.Failed}, not an exception
   * @throws UnsupportedHttpMethodException for methods other than GET, HEAD, POST, PUT, DELETE
   * @throws UnsupportedOperationException when the firmware lacks the command the request needs
   * @throws IllegalArgumentException when the headers do not fit on the command line, or the URL
   *     is longer than AT+HTTPURLCFG takes (8192 bytes)
   * @throws HttpConnectionException when the device could not connect (0x010a7000)
   * @throws HttpBodyTooLargeException when the response exceeds {@link #maxBodyBytes()}
   * @throws AtException for the other failures (timeout, device reset, closed port)
   */
  public HttpResponse send(HttpRequest request) {
    List<Candidate> candidates = candidates(request, esp.capabilities());
    byte[] url = request.uri().toASCIIString().getBytes(StandardCharsets.US_ASCII);
    for (Candidate c : candidates) {
      AtCommand command = c.build().apply(Parameter.string(url));
      if (fits(command)) {
        return esp.atomically(() -> run(request, c, command));
      }
    }
    if (url.length >= MIN_STORED_URL && url.length <= MAX_STORED_URL && esp.capabilities().has(HttpCommand.HTTPURLCFG)) {
      for (Candidate c : candidates) {
        AtCommand command = c.build().apply(Parameter.string(""));
        if (fits(command)) {
          return esp.atomically(() -> withStoredUrl(request, url, c, command));
        }
      }
    } else if (url.length > MAX_STORED_URL) {
      throw new IllegalArgumentException("the URL has " + url.length + " bytes; AT+HTTPURLCFG takes at most "
          + MAX_STORED_URL + " (P-24)");
    }
    throw new IllegalArgumentException(request.method() + " " + SecretMasker.mask(request.uri().toString())
        + ": the headers do not fit on the " + dev.espat.grammar.AtLimits.MAX_COMMAND_LINE
        + "-byte command line (AT+HTTPCHEAD is not used for them yet)");
  }

  /** One way to send a request: the command, given the url parameter, and what it sends in data mode. */
  private record Candidate(HttpCommand command, Function<Parameter, AtCommand> build, byte[] payload, String frameName) {}

  private static List<Candidate> candidates(HttpRequest request, Capabilities caps) {
    String method = request.method();
    byte[] body = request.bodyOrNull();
    List<Candidate> list = new ArrayList<>();
    switch (method) {
      case "GET" -> {
        if (request.headers().isEmpty() && request.contentType().isEmpty() && caps.has(HttpCommand.HTTPCGET)) {
          list.add(new Candidate(HttpCommand.HTTPCGET, url -> httpcget(url, request, caps), null, "HTTPCGET"));
        }
        list.add(httpclient(2, request, null));
      }
      case "HEAD" -> list.add(httpclient(1, request, null));
      case "DELETE" -> list.add(httpclient(5, request, null));
      case "POST" -> {
        byte[] data = body == null ? new byte[0] : body;
        if (isLineText(data)) {
          list.add(httpclient(3, request, data));
        }
        if (data.length > 0) {
          list.add(dataMode(HttpCommand.HTTPCPOST, request, data, caps));
        }
      }
      case "PUT" -> {
        if (body == null || body.length == 0) {
          list.add(httpclient(4, request, null));
        } else {
          list.add(dataMode(HttpCommand.HTTPCPUT, request, body, caps));
        }
      }
      default -> throw new UnsupportedHttpMethodException(method);
    }
    return list;
  }

  /** P-22: url, then tx size, rx size (the firmware's defaults, as published) and timeout from 3.0 on. */
  private static AtCommand httpcget(Parameter url, HttpRequest request, Capabilities caps) {
    if (!caps.sizeAndTimeoutParameters()) {
      return AtCommand.set("+HTTPCGET", url);
    }
    long timeout = Math.min(request.timeout().toMillis(), MAX_NETWORK_TIMEOUT_MS);
    return AtCommand.set("+HTTPCGET", url, Parameter.integer(DEFAULT_BUFFER), Parameter.integer(DEFAULT_BUFFER),
        Parameter.integer(timeout));
  }

  /** P-20: opt, content-type, url, host, path, transport_type, [data for POST], headers. */
  private static Candidate httpclient(int opt, HttpRequest request, byte[] data) {
    int contentType = request.contentTypePreset().map(ContentType::atCode).orElse(0);
    List<String> headers = headerLines(request, request.contentTypePreset().isEmpty());
    Function<Parameter, AtCommand> build = url -> {
      List<Parameter> p = new ArrayList<>(List.of(Parameter.integer(opt), Parameter.integer(contentType), url,
          Parameter.omitted(), Parameter.omitted(), Parameter.integer(transportType(request))));
      if (opt == 3) {
        p.add(Parameter.string(data));
      }
      headers.forEach(h -> p.add(Parameter.string(h)));
      return AtCommand.set("+HTTPCLIENT", p);
    };
    return new Candidate(HttpCommand.HTTPCLIENT, build, null, "HTTPCLIENT");
  }

  /** P-23: url, length, header count, headers; the body follows at the prompt. */
  private static Candidate dataMode(HttpCommand command, HttpRequest request, byte[] body, Capabilities caps) {
    if (!caps.has(command)) {
      throw new UnsupportedOperationException("firmware " + caps.version() + " has no AT" + command.atName()
          + " (since " + command.since() + ", P-27): " + request.method() + " with a "
          + (command == HttpCommand.HTTPCPUT ? "" : "binary or long ") + "body cannot be sent");
    }
    List<String> headers = headerLines(request, true);
    Function<Parameter, AtCommand> build = url -> {
      List<Parameter> p = new ArrayList<>(List.of(url, Parameter.integer(body.length)));
      if (!headers.isEmpty()) {
        p.add(Parameter.integer(headers.size()));
        headers.forEach(h -> p.add(Parameter.string(h)));
      }
      return AtCommand.set(command.atName(), p);
    };
    return new Candidate(command, build, body, command.name());
  }

  private static int transportType(HttpRequest request) {
    return "https".equalsIgnoreCase(request.uri().getScheme()) ? 2 : 1;
  }

  /** {@code Key: Value} lines; the content type among them when it is not passed as a preset number. */
  private static List<String> headerLines(HttpRequest request, boolean withContentType) {
    List<String> lines = new ArrayList<>();
    request.headers().forEach(h -> lines.add(h.getKey() + ": " + h.getValue()));
    if (withContentType) {
      request.contentType().ifPresent(t -> lines.add("Content-Type: " + t));
    }
    return lines;
  }

  /** Whether a body can go as a quoted field: UTF-8 text without control characters (no CR, LF, NUL). */
  private static boolean isLineText(byte[] data) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
      return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean fits(AtCommand command) {
    try {
      command.encode();
      return true;
    } catch (LineTooLongException e) {
      return false;
    }
  }

  /** AT+HTTPURLCFG=<n>, the URL at the prompt, the command with url "", then AT+HTTPURLCFG=0. */
  private HttpResponse withStoredUrl(HttpRequest request, byte[] url, Candidate c, AtCommand command) {
    esp.executeWithData(AtCommand.set("+HTTPURLCFG", Parameter.integer(url.length)), url, request.timeout());
    try {
      return run(request, c, command);
    } finally {
      try {
        esp.execute(AtCommand.set("+HTTPURLCFG", Parameter.integer(0)));
      } catch (AtException e) {
        // A stored URL left behind is harmless to this client: its commands always give a url or clear it.
      }
    }
  }

  private HttpResponse run(HttpRequest request, Candidate c, AtCommand command) {
    Duration timeout = request.timeout();
    Response response;
    try {
      response = c.payload() == null ? esp.execute(command, timeout) : esp.executeWithData(command, c.payload(), timeout);
    } catch (ResponseTooLargeException e) {
      throw new HttpBodyTooLargeException(e.command(), e.limit(), e);
    } catch (CommandFailedException e) {
      return failure(request, c, e);
    }
    return answer(request, c, new HttpStatus.Succeeded(), response);
  }

  private HttpResponse failure(HttpRequest request, Candidate c, CommandFailedException e) {
    ErrorCode code = e.errorCode().orElse(null);
    if (code == null) {
      throw e;
    }
    OptionalInt status = code.httpStatus();
    if (status.isPresent()) {
      return answer(request, c, new HttpStatus.Failed(status.getAsInt()), e.response());
    }
    if (code.isHttpConnectionFailure()) {
      throw new HttpConnectionException(e.command(), e.command() + " could not reach the server (ERR CODE " + code
          + "): DNS failure, connection refused, TLS failure or timeout, or the station has no IP (P-16, P-43)", code, e);
    }
    if (code.equals(HTTP_FAILED_WITHOUT_STATUS) && !esp.capabilities().statusSpecificErrorCodes()) {
      throw new HttpException(e.command(), e.command() + " failed (ERR CODE " + code + "); firmware "
          + esp.capabilities().version() + " does not say whether the connection failed or the server answered"
          + " a status >= 400 (status codes arrive with 4.1, P-16)", code, e);
    }
    throw e;
  }

  private static HttpResponse answer(HttpRequest request, Candidate c, HttpStatus status, Response response) {
    List<BodyFrame> frames = response.frames().stream().filter(f -> f.command().equalsIgnoreCase(c.frameName())).toList();
    if ("HEAD".equals(request.method())) {
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (BodyFrame f : frames) {
        String line = new String(f.data(), StandardCharsets.UTF_8).strip();
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
      }
      return new HttpResponse(status, new byte[0], headers, c.command());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    frames.forEach(f -> body.writeBytes(f.data()));
    return new HttpResponse(status, body.toByteArray(), List.of(), c.command());
  }
}
