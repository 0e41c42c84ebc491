package dev.espat.driver.http;

import dev.espat.driver.AtException;
import dev.espat.driver.Capabilities;
import dev.espat.driver.CommandFailedException;
import dev.espat.driver.EspAt;
import dev.espat.driver.HttpCommand;
import dev.espat.driver.ResponseTooLargeException;
import dev.espat.driver.internal.CommandRequest;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.AtLimits;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.LineTooLongException;
import dev.espat.grammar.Parameter;
import dev.espat.grammar.SecretMasker;
import dev.espat.grammar.SubCategory;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Sends {@link HttpRequest}s through the device's HTTP AT commands, picking the command itself:
 *
 * <ul>
 *   <li>GET: AT+HTTPCGET when the firmware has it (2.3+) and no header must go on the line, else
 *       AT+HTTPCLIENT opt 2 (P-20, P-22);
 *   <li>HEAD: AT+HTTPCLIENT opt 1, the response headers read from its frames;
 *   <li>POST: AT+HTTPCLIENT opt 3 when the body is text (UTF-8, no control characters) that fits on
 *       the 256-byte command line, else AT+HTTPCPOST with the body streamed in data mode (P-23);
 *   <li>PUT: AT+HTTPCPUT with the body streamed in data mode (3.0+); without a body AT+HTTPCLIENT
 *       opt 4 (P-20);
 *   <li>DELETE: AT+HTTPCLIENT opt 5;
 *   <li>a URL that does not fit on the line: AT+HTTPURLCFG first, then the command with url
 *       {@code ""} (P-24), cleared afterwards;
 *   <li>headers that do not fit on the line: AT+HTTPCHEAD, one per header (3.1+, P-25), cleared
 *       with AT+HTTPCHEAD=0 before and after (they are global to the device).
 * </ul>
 *
 * <p>Every parameter is escaped by at-grammar. The whole sequence runs with no other caller's
 * command in between. A command the firmware lacks (P-27) is never sent: the client says which
 * release brings it. Response bodies stream to a {@link BodyHandler} as they arrive (P-33).
 * Thread-safe: requests queue and run one at a time on the device.
 *
 * <pre>{@code
 * HttpClient http = HttpClient.newBuilder(esp).baseUri(URI.create("http://192.168.1.10:8080/")).build();
 * HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("api/items"))
 *     .POST("{\"a\":1}", ContentType.JSON).build());
 * if (r.status() instanceof HttpStatus.Failed f) throw new IllegalStateException("status " + f.status());
 * http.sendAsync(request).thenAccept(resp -> System.out.println(resp.text()));
 * }</pre>
 */
public final class HttpClient {
  /** P-24: the URL lengths AT+HTTPURLCFG takes. */
  private static final int MIN_STORED_URL = 8;

  private static final int MAX_STORED_URL = 8192;

  /** P-22: the most the timeout parameter of AT+HTTPCGET and AT+HTTPGETSIZE takes, in ms. */
  private static final long MAX_NETWORK_TIMEOUT_MS = 180_000;

  /** How much longer than a request's timeout the driver waits for the device's own verdict. */
  static final Duration ANSWER_GRACE = Duration.ofSeconds(2);

  /** §4: the tx and rx buffer sizes the firmware uses by default. */
  private static final int DEFAULT_BUFFER = 2048;

  private static final ErrorCode HTTP_FAILED_WITHOUT_STATUS = ErrorCode.of(SubCategory.COMMAND_EXECUTION_FAILED, 0);

  private final EspAt esp;
  private final URI baseUri;
  private final List<Map.Entry<String, String>> defaultHeaders;
  private final JsonCodec json;
  private final Executor executor;

  /** The client of one device with no defaults; {@link EspAt#http()} returns one. */
  public HttpClient(EspAt esp) {
    this(newBuilder(esp));
  }

  private HttpClient(Builder b) {
    this.esp = b.esp;
    this.baseUri = b.baseUri;
    this.defaultHeaders = List.copyOf(b.headers);
    this.json = b.json;
    this.executor = b.executor;
  }

  /**
   * A client with defaults for every request (Pycom's HTTP_Client, a requests Session): a base
   * URI that relative request URIs resolve against, headers, basic auth, the JSON codec, and the
   * executor of {@link #sendAsync}.
   */
  public static Builder newBuilder(EspAt esp) {
    return new Builder(esp);
  }

  /** The largest body a handler that keeps it in memory may keep, in bytes. */
  public int maxBodyBytes() {
    return esp.maxResponseBytes();
  }

  /** The JSON codec of {@link BodyHandlers#ofJson} and {@link HttpResponse#json}. */
  public JsonCodec json() {
    return json;
  }

  /**
   * Sends the request and waits for the whole response, the body kept in memory.
   *
   * @return the response; a status of 400 or more is {@link HttpStatus.Failed}, not an exception
   * @throws UnsupportedHttpMethodException for methods other than GET, HEAD, POST, PUT, DELETE
   * @throws UnsupportedOperationException when the firmware lacks the command the request needs
   * @throws IllegalArgumentException when the request cannot be put into commands (a URL over
   *     8192 bytes, a header over the device's limit)
   * @throws HttpConnectionException when the device could not connect (0x010a7000)
   * @throws HttpBodyTooLargeException when the body exceeds {@link #maxBodyBytes()}
   * @throws AtException for the other failures (timeout, device reset, closed port)
   */
  public HttpResponse<byte[]> send(HttpRequest request) {
    return send(request, BodyHandlers.ofByteArray());
  }

  /**
   * Sends the request; the body goes to {@code handler} as it arrives, on this thread.
   *
   * @throws UncheckedIOException when the handler failed (a full disk, say); the rest of the
   *     answer was read and dropped, so the device is ready for the next command
   * @see #send(HttpRequest)
   */
  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    HttpRequest full = prepare(request);
    Plan plan = plan(full);
    return esp.atomically(() -> execute(full, plan, handler, null));
  }

  /** {@link #send(HttpRequest)} on the client's executor; the future fails with the same exceptions. */
  public CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpRequest request) {
    return sendAsync(request, BodyHandlers.ofByteArray());
  }

  /**
   * {@link #send(HttpRequest, BodyHandler)} on the client's executor (a virtual thread per request
   * unless the builder gave one). Requests still run one at a time on the device, in the order
   * their turn comes. Cancelling the future does not stop a request the device has begun.
   */
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    return CompletableFuture.supplyAsync(() -> send(request, handler), executor);
  }

  /**
   * Sends the request and returns at once a stream of the body as it arrives, in bounded memory,
   * whatever its size; the request runs on the client's executor. Read it to its end for
   * {@link HttpBodyStream#response()}; a failed or cut request makes a read throw, so a truncated
   * body never ends like a whole one. Closing early reads the rest from the device and drops it
   * (the AT commands cannot stop a transfer).
   *
   * <pre>{@code
   * try (HttpBodyStream in = http.stream(request)) {
   *   in.transferTo(out);
   *   if (!in.response().status().succeeded()) ...
   * }
   * }</pre>
   */
  public HttpBodyStream stream(HttpRequest request) {
    Objects.requireNonNull(request, "request");
    HttpBodyStream stream = new HttpBodyStream(request);
    executor.execute(() -> stream.run(this));
    return stream;
  }

  /**
   * The size of a resource from AT+HTTPGETSIZE (P-21): the device sends a GET (the firmware does
   * not send HEAD) and reports the {@code Content-Length} the server announced, reading no body.
   * The firmware answers 0 both for an empty body and for one without a length (chunked), so
   * 0 means "empty or unknown".
   *
   * @throws HttpStatusException when the server answered 400 or more (firmware 4.1+)
   * @throws HttpConnectionException when the device could not connect
   */
  public long contentLength(HttpRequest request) {
    HttpRequest full = prepare(request);
    Capabilities caps = esp.capabilities();
    byte[] url = urlBytes(full);
    Function<Parameter, AtCommand> build = u -> {
      if (!caps.sizeAndTimeoutParameters()) {
        return AtCommand.set("+HTTPGETSIZE", u);
      }
      return AtCommand.set("+HTTPGETSIZE", u, Parameter.integer(DEFAULT_BUFFER), Parameter.integer(DEFAULT_BUFFER),
          Parameter.integer(networkTimeout(full)));
    };
    Candidate c = new Candidate(HttpCommand.HTTPGETSIZE, build, null, "HTTPGETSIZE");
    boolean urlInline = fits(build.apply(Parameter.string(url)));
    if (!urlInline) {
      requireStoredUrl(full, url, caps);
    }
    List<String> headers = headerLines(full, true);
    if (!headers.isEmpty()) {
      requireCapability(caps, HttpCommand.HTTPCHEAD, full, "headers with AT+HTTPGETSIZE");
    }
    Plan plan = new Plan(c, urlInline, headers.isEmpty());
    long[] size = {0};
    HttpResponse<Void> r = esp.atomically(() -> execute(full, plan, BodyHandlers.discarding(), size));
    if (r.status() instanceof HttpStatus.Failed f) {
      throw new HttpStatusException("AT" + r.command().atName(), f);
    }
    return size[0];
  }

  /**
   * How the device's HTTP commands check TLS servers from now on: AT+HTTPCFG (P-26, firmware 4.1+),
   * global to the device and kept in its RAM (a reset restores "no verification").
   *
   * @throws UnsupportedOperationException on firmware before 4.1
   */
  public void configureTls(HttpTls tls) {
    Objects.requireNonNull(tls, "tls");
    requireCapability(esp.capabilities(), HttpCommand.HTTPCFG, null, "TLS settings");
    esp.execute(AtCommand.set("+HTTPCFG", Parameter.integer(tls.mode().code()), Parameter.integer(tls.pkiNumber()),
        Parameter.integer(tls.caNumber())));
  }

  // ---- planning: which commands, without I/O --------------------------------------------

  /** The command to send, whether the URL goes on its line or through AT+HTTPURLCFG, and the headers likewise. */
  private record Plan(Candidate candidate, boolean urlInline, boolean headersInline) {}

  /** One way to send a request: the command, given the url parameter, and what it sends in data mode. */
  private record Candidate(HttpCommand command, Function<Parameter, AtCommand> build, RequestBody payload, String frameName) {}

  private HttpRequest prepare(HttpRequest request) {
    Objects.requireNonNull(request, "request");
    URI uri = request.uri();
    if (!uri.isAbsolute()) {
      if (baseUri == null) {
        throw new IllegalArgumentException("relative URI " + uri + " and the client has no base URI");
      }
      uri = baseUri.resolve(uri);
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("the ESP-AT HTTP commands take http:// and https:// URLs only, not "
          + SecretMasker.mask(uri.toString()));
    }
    return uri.equals(request.uri()) && defaultHeaders.isEmpty() ? request : request.with(uri, defaultHeaders);
  }

  private Plan plan(HttpRequest request) {
    Capabilities caps = esp.capabilities();
    byte[] url = urlBytes(request);
    List<Candidate> inline = candidates(request, caps, true);
    for (Candidate c : inline) {
      if (fits(c.build().apply(Parameter.string(url)))) {
        return new Plan(c, true, true);
      }
    }
    boolean canStoreUrl = url.length >= MIN_STORED_URL && url.length <= MAX_STORED_URL && caps.has(HttpCommand.HTTPURLCFG);
    if (canStoreUrl) {
      for (Candidate c : inline) {
        if (fits(c.build().apply(Parameter.string("")))) {
          return new Plan(c, false, true);
        }
      }
    }
    if (!headerLines(request, true).isEmpty()) {
      requireCapability(caps, HttpCommand.HTTPCHEAD, request, "headers that do not fit on the "
          + AtLimits.MAX_COMMAND_LINE + "-byte command line");
      List<Candidate> bare = candidates(request, caps, false);
      for (Candidate c : bare) {
        if (fits(c.build().apply(Parameter.string(url)))) {
          return new Plan(c, true, false);
        }
      }
      if (canStoreUrl) {
        for (Candidate c : bare) {
          if (fits(c.build().apply(Parameter.string("")))) {
            return new Plan(c, false, false);
          }
        }
      }
    }
    requireStoredUrl(request, url, caps);
    throw new IllegalArgumentException(request + ": the request does not fit on the " + AtLimits.MAX_COMMAND_LINE
        + "-byte command line in any form");
  }

  private static void requireStoredUrl(HttpRequest request, byte[] url, Capabilities caps) {
    if (url.length > MAX_STORED_URL) {
      throw new IllegalArgumentException(request.method() + " " + SecretMasker.mask(request.uri().toString())
          .substring(0, 60) + "...: the URL has " + url.length + " bytes; AT+HTTPURLCFG takes at most "
          + MAX_STORED_URL + " (P-24)");
    }
    requireCapability(caps, HttpCommand.HTTPURLCFG, request, "a URL too long for the command line");
  }

  private static void requireCapability(Capabilities caps, HttpCommand command, HttpRequest request, String what) {
    if (!caps.has(command)) {
      throw new UnsupportedOperationException("firmware " + caps.version() + " has no AT" + command.atName()
          + " (since " + command.since() + ", P-27), needed for " + what
          + (request == null ? "" : ": " + request));
    }
  }

  private static byte[] urlBytes(HttpRequest request) {
    return request.uri().toASCIIString().getBytes(StandardCharsets.US_ASCII);
  }

  private static List<Candidate> candidates(HttpRequest request, Capabilities caps, boolean inlineHeaders) {
    String method = request.method();
    RequestBody body = request.bodyOrNull();
    boolean noHeaders = headerLines(request, request.contentTypePreset().isEmpty()).isEmpty();
    List<Candidate> list = new ArrayList<>();
    switch (method) {
      case "GET" -> {
        if ((!inlineHeaders || (noHeaders && request.contentType().isEmpty())) && caps.has(HttpCommand.HTTPCGET)) {
          list.add(new Candidate(HttpCommand.HTTPCGET, url -> httpcget(url, request, caps), null, "HTTPCGET"));
        }
        list.add(httpclient(2, request, null, inlineHeaders));
      }
      case "HEAD" -> list.add(httpclient(1, request, null, inlineHeaders));
      case "DELETE" -> list.add(httpclient(5, request, null, inlineHeaders));
      case "POST" -> {
        RequestBody data = body == null ? RequestBody.of(new byte[0]) : body;
        byte[] text = lineText(data);
        if (text != null) {
          list.add(httpclient(3, request, text, inlineHeaders));
        }
        if (data.length() > 0) {
          list.add(dataMode(HttpCommand.HTTPCPOST, request, data, caps, inlineHeaders));
        }
      }
      case "PUT" -> {
        if (body == null || body.length() == 0) {
          list.add(httpclient(4, request, null, inlineHeaders));
        } else {
          list.add(dataMode(HttpCommand.HTTPCPUT, request, body, caps, inlineHeaders));
        }
      }
      default -> throw new UnsupportedHttpMethodException(method);
    }
    return list;
  }

  private static long networkTimeout(HttpRequest request) {
    return Math.min(request.timeout().toMillis(), MAX_NETWORK_TIMEOUT_MS);
  }

  /** P-22: url, then tx size, rx size (the firmware's defaults, as published) and timeout from 3.0 on. */
  private static AtCommand httpcget(Parameter url, HttpRequest request, Capabilities caps) {
    if (!caps.sizeAndTimeoutParameters()) {
      return AtCommand.set("+HTTPCGET", url);
    }
    return AtCommand.set("+HTTPCGET", url, Parameter.integer(DEFAULT_BUFFER), Parameter.integer(DEFAULT_BUFFER),
        Parameter.integer(networkTimeout(request)));
  }

  /** P-20: opt, content-type, url, host, path, transport_type, [data for POST], headers. */
  private static Candidate httpclient(int opt, HttpRequest request, byte[] data, boolean inlineHeaders) {
    int contentType = request.contentTypePreset().map(ContentType::atCode).orElse(0);
    List<String> headers = inlineHeaders ? headerLines(request, request.contentTypePreset().isEmpty()) : List.of();
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
  private static Candidate dataMode(HttpCommand command, HttpRequest request, RequestBody body, Capabilities caps,
      boolean inlineHeaders) {
    requireCapability(caps, command, request, request.method() + " with a "
        + (command == HttpCommand.HTTPCPUT ? "" : "binary or long ") + "body");
    List<String> headers = inlineHeaders ? headerLines(request, true) : List.of();
    Function<Parameter, AtCommand> build = url -> {
      List<Parameter> p = new ArrayList<>(List.of(url, Parameter.integer(body.length())));
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

  /**
   * The body when it can go as a quoted field: short UTF-8 text without control characters (no
   * CR, LF, NUL); null otherwise.
   */
  private static byte[] lineText(RequestBody body) {
    if (body.length() > AtLimits.MAX_COMMAND_LINE) {
      return null;
    }
    byte[] data;
    try {
      data = body.readAll(AtLimits.MAX_COMMAND_LINE);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body " + body + ": " + e.getMessage(), e);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
      return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f) ? data : null;
    } catch (CharacterCodingException e) {
      return null;
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

  // ---- running the plan ------------------------------------------------------------------

  /** Runs the plan; {@code size}, when given, receives AT+HTTPGETSIZE's answer. */
  private <T> HttpResponse<T> execute(HttpRequest request, Plan plan, BodyHandler<T> handler, long[] size) {
    Candidate c = plan.candidate();
    byte[] url = urlBytes(request);
    AtCommand command = c.build().apply(Parameter.string(plan.urlInline() ? url : new byte[0]));
    List<String> storedHeaders = plan.headersInline() ? List.of() : headerLines(request, true);
    List<Runnable> cleanups = new ArrayList<>();
    try {
      if (!plan.urlInline()) {
        esp.executeWithData(AtCommand.set("+HTTPURLCFG", Parameter.integer(url.length)), url, request.timeout());
        cleanups.add(() -> esp.execute(AtCommand.set("+HTTPURLCFG", Parameter.integer(0))));
      }
      if (!storedHeaders.isEmpty()) {
        // Global to the device: start from none, so that only this request's headers go out.
        AtCommand clear = AtCommand.set("+HTTPCHEAD", Parameter.integer(0));
        esp.execute(clear);
        cleanups.add(() -> esp.execute(clear));
        for (String h : storedHeaders) {
          byte[] line = h.getBytes(StandardCharsets.UTF_8);
          esp.executeWithData(AtCommand.set("+HTTPCHEAD", Parameter.integer(line.length)), line, request.timeout());
        }
      }
      return run(request, c, command, handler, size);
    } finally {
      for (Runnable cleanup : cleanups) {
        try {
          cleanup.run();
        } catch (AtException e) {
          // Left behind: the next request of this client clears or overrides it anyway.
        }
      }
    }
  }

  private <T> HttpResponse<T> run(HttpRequest request, Candidate c, AtCommand command, BodyHandler<T> handler,
      long[] size) {
    String masked = SecretMasker.mask(command.toString());
    BodyHandler.Sink<T> sink;
    try {
      sink = handler.open(new BodyHandler.Context(request, maxBodyBytes(), json, masked));
    } catch (IOException e) {
      throw new UncheckedIOException("opening the body handler for " + request + ": " + e.getMessage(), e);
    }
    Received received = new Received(sink, "HEAD".equals(request.method()), c.frameName(), maxBodyBytes(), masked);
    // The device's own network timeout is the request's (AT+HTTPCGET, P-22): wait a little longer,
    // so that its ERROR arrives rather than a timeout that leaves the answer to come late.
    CommandRequest atRequest = CommandRequest.of(command, request.timeout().plus(ANSWER_GRACE)).streaming(received::accept);
    if (c.payload() != null) {
      RequestBody body = c.payload();
      atRequest = atRequest.withPayload(new CommandRequest.Payload() {
        @Override
        public long length() {
          return body.length();
        }

        @Override
        public InputStream open() throws IOException {
          return body.open();
        }
      });
    }
    HttpStatus status;
    try {
      dev.espat.driver.Response response = esp.execute(atRequest);
      status = new HttpStatus.Succeeded();
      if (size != null) {
        size[0] = received.size(response.firstInformation(c.frameName()).orElse("0"));
      }
    } catch (CommandFailedException e) {
      status = failure(e);
      if (status == null) {
        sink.abort();
        throw mapped(e);
      }
    } catch (ResponseTooLargeException e) {
      sink.abort();
      throw new HttpBodyTooLargeException(e.command(), e.limit(), e);
    } catch (RuntimeException e) {
      sink.abort();
      throw e;
    }
    T body;
    try {
      body = sink.complete();
    } catch (IOException e) {
      sink.abort();
      throw new UncheckedIOException("completing the body of " + request + ": " + e.getMessage(), e);
    }
    return new HttpResponse<>(request, status, body, received.bodyBytes, received.headers, c.command(), json);
  }

  /** What the frames of one answer become: body pieces for the sink, or HEAD's header lines. */
  private static final class Received {
    private final BodyHandler.Sink<?> sink;
    private final boolean head;
    private final String frameName;
    private final int maxHeaderBytes;
    private final String command;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    long bodyBytes;
    long headerBytes;

    /** The sink as a stream, so frames hand their bytes over without a copy of their own. */
    private final java.io.OutputStream toSink = new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        sink.write(b, off, len);
      }
    };

    Received(BodyHandler.Sink<?> sink, boolean head, String frameName, int maxHeaderBytes, String command) {
      this.sink = sink;
      this.head = head;
      this.frameName = frameName;
      this.maxHeaderBytes = maxHeaderBytes;
      this.command = command;
    }

    void accept(BodyFrame f) throws IOException {
      if (!f.command().equalsIgnoreCase(frameName)) {
        return;
      }
      if (head) {
        headerBytes += f.length();
        if (headerBytes > maxHeaderBytes) {
          throw new HttpBodyTooLargeException(command, maxHeaderBytes, null);
        }
        String line = new String(f.data(), StandardCharsets.UTF_8).strip();
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return;
      }
      bodyBytes += f.length();
      f.writeTo(toSink);
    }

    /** AT+HTTPGETSIZE's {@code +HTTPGETSIZE:<n>} line (P-21). */
    long size(String value) {
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw new dev.espat.driver.ProtocolException(command, "+" + frameName + ":" + value + " is not a size");
      }
    }
  }

  /** The status of an HTTP failure the code tells (P-16), or null when it is no such failure. */
  private static HttpStatus failure(CommandFailedException e) {
    OptionalInt status = e.errorCode().map(ErrorCode::httpStatus).orElse(OptionalInt.empty());
    return status.isPresent() ? new HttpStatus.Failed(status.getAsInt()) : null;
  }

  private AtException mapped(CommandFailedException e) {
    ErrorCode code = e.errorCode().orElse(null);
    if (code == null) {
      return e;
    }
    if (isDataMode(e.command()) && code.subCategory().filter(sc -> sc == SubCategory.PARAMETER_PARSE_FAILURE).isPresent()
        && code.extension() == 2) {
      return new HttpException(e.command(), e.command() + " was refused (ERR CODE " + code + "): the device does not take"
          + " a body of that length; an ESP32 takes at most what its free heap holds (P-23)", code, e);
    }
    if (code.isHttpConnectionFailure()) {
      return new HttpConnectionException(e.command(), e.command() + " could not reach the server (ERR CODE " + code
          + "): DNS failure, connection refused, TLS failure or timeout, or the station has no IP (P-16, P-43)", code, e);
    }
    if (code.equals(HTTP_FAILED_WITHOUT_STATUS) && !esp.capabilities().statusSpecificErrorCodes()) {
      return new HttpException(e.command(), e.command() + " failed (ERR CODE " + code + "); firmware "
          + esp.capabilities().version() + " does not say whether the connection failed or the server answered"
          + " a status >= 400 (status codes arrive with 4.1, P-16)", code, e);
    }
    return e;
  }

  private static boolean isDataMode(String command) {
    return command.startsWith("AT+HTTPCPOST=") || command.startsWith("AT+HTTPCPUT=");
  }

  /** Builds an {@link HttpClient}; not thread-safe. */
  public static final class Builder {
    private final EspAt esp;
    private URI baseUri;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private JsonCodec json = JsonCodec.minimal();
    private Executor executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("esp-at-http-", 0).factory());

    private Builder(EspAt esp) {
      this.esp = Objects.requireNonNull(esp, "esp");
    }

    /** Relative request URIs resolve against this absolute http(s) URI. */
    public Builder baseUri(URI uri) {
      if (!uri.isAbsolute()) {
        throw new IllegalArgumentException("the base URI must be absolute: " + uri);
      }
      this.baseUri = uri;
      return this;
    }

    /** A header for every request; a request's own header of the same name wins. */
    public Builder header(String name, String value) {
      HttpRequest.checkHeader(name, value);
      headers.add(Map.entry(name, value));
      return this;
    }

    /** {@code Authorization: Basic ...} on every request (RFC 7617). */
    public Builder basicAuth(String user, String password) {
      return header("Authorization", HttpRequest.basicAuthorization(user, password));
    }

    /** {@code User-Agent} on every request, instead of the firmware's {@code ESP32 HTTP Client/1.0}. */
    public Builder userAgent(String agent) {
      return header("User-Agent", agent);
    }

    /** {@code Accept} on every request. */
    public Builder accept(String mediaTypes) {
      return header("Accept", mediaTypes);
    }

    /** The JSON codec for {@link BodyHandlers#ofJson} and {@link HttpResponse#json}. */
    public Builder json(JsonCodec codec) {
      this.json = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** Where {@link HttpClient#sendAsync} and {@link HttpClient#stream} run requests. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    public HttpClient build() {
      return new HttpClient(this);
    }
  }
}
