package dev.espat.driver.http;

import dev.espat.grammar.SecretMasker;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request, immutable: method, URI, headers in order, an optional body and content type,
 * and how long the device may take. Build it with {@link #newBuilder(URI)}.
 *
 * <pre>{@code
 * HttpRequest get = HttpRequest.newBuilder(URI.create("http://example.com/get")).header("Accept", "text/plain").build();
 * HttpRequest post = HttpRequest.newBuilder(URI.create("http://example.com/post"))
 *     .POST("{\"a\":1}", ContentType.JSON)
 *     .timeout(Duration.ofMinutes(1))
 *     .build();
 * }</pre>
 */
public final class HttpRequest {
  /** How long a request may take unless the builder says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final String method;
  private final URI uri;
  private final List<Map.Entry<String, String>> headers;
  private final RequestBody body;
  private final String contentType;
  private final ContentType preset;
  private final Duration timeout;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.uri = b.uri;
    this.headers = List.copyOf(b.headers);
    this.body = b.body;
    this.contentType = b.contentType;
    this.preset = b.preset;
    this.timeout = b.timeout;
  }

  /**
   * A builder for a GET of {@code uri}: an absolute http(s) URI, or a relative one that a client
   * with a base URI resolves ({@link HttpClient.Builder#baseUri}).
   */
  public static Builder newBuilder(URI uri) {
    return new Builder(uri);
  }

  /** GET, HEAD, POST, PUT, DELETE, or whatever the builder was given (the client refuses others). */
  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  /** The headers in the order added, {@code Content-Type} not among them (see {@link #contentType()}). */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The body; empty for a request without one. */
  public Optional<RequestBody> body() {
    return Optional.ofNullable(body);
  }

  /** The body's media type, when one was given. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** The preset among AT+HTTPCLIENT's four, when the content type is one of them. */
  public Optional<ContentType> contentTypePreset() {
    return Optional.ofNullable(preset);
  }

  /** How long the device may take for the whole request. */
  public Duration timeout() {
    return timeout;
  }

  /** Refuses a header that cannot go into an AT command line or is no header at all. */
  static void checkHeader(String name, String value) {
    if (name.isBlank() || name.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a header name must be non-blank and without ':': '" + name + "'");
    }
    if ((name + value).chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new IllegalArgumentException("header " + name + ": CR, LF and NUL cannot be sent in an AT command line (P-01, P-07)");
    }
  }

  /** The value of {@code Authorization} for basic auth (RFC 7617, UTF-8). */
  static String basicAuthorization(String user, String password) {
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a basic-auth user name cannot contain ':' (RFC 7617)");
    }
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  RequestBody bodyOrNull() {
    return body;
  }

  /** A copy of this request with another URI (a client's base URI resolved) and extra headers first. */
  HttpRequest with(URI newUri, List<Map.Entry<String, String>> headersFirst) {
    Builder b = new Builder(newUri);
    b.method = method;
    headersFirst.forEach(h -> {
      if (headers.stream().noneMatch(mine -> mine.getKey().equalsIgnoreCase(h.getKey()))) {
        b.headers.add(h);
      }
    });
    b.headers.addAll(headers);
    b.body = body;
    b.contentType = contentType;
    b.preset = preset;
    b.timeout = timeout;
    return new HttpRequest(b);
  }

  /** Method, URI (credentials masked) and body size; never the headers, which may hold secrets. */
  @Override
  public String toString() {
    return method + " " + SecretMasker.mask(uri.toString()) + (body == null ? "" : " (" + body.length() + " bytes)");
  }

  /** Builds an {@link HttpRequest}; not thread-safe. */
  public static final class Builder {
    private String method = "GET";
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private RequestBody body;
    private String contentType;
    private ContentType preset;
    private Duration timeout = DEFAULT_TIMEOUT;
    private URI uri;

    private Builder(URI uri) {
      Objects.requireNonNull(uri, "uri");
      if (uri.isAbsolute()) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          throw new IllegalArgumentException("the ESP-AT HTTP commands take http:// and https:// URLs only, not "
              + SecretMasker.mask(uri.toString()));
        }
      }
      this.uri = uri;
    }

    /**
     * Adds a query parameter, both parts percent-encoded as UTF-8 ({@code ?q=a%20b&n=1}), after
     * whatever query the URI has.
     */
    public Builder queryParam(String name, String value) {
      String pair = encode(name) + "=" + encode(value);
      String s = uri.toString();
      int hash = s.indexOf('#');
      String fragment = hash < 0 ? "" : s.substring(hash);
      String base = hash < 0 ? s : s.substring(0, hash);
      uri = URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + pair + fragment);
      return this;
    }

    /** Adds every entry as a query parameter, in the map's order (Godot's query_string_from_dict). */
    public Builder queryParams(Map<String, ?> params) {
      params.forEach((k, v) -> queryParam(k, String.valueOf(v)));
      return this;
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Adds {@code Authorization: Basic ...} (RFC 7617, UTF-8). Traces and messages mask it.
     *
     * @throws IllegalArgumentException when the user name has a ':'
     */
    public Builder basicAuth(String user, String password) {
      return header("Authorization", basicAuthorization(user, password));
    }

    /** Adds {@code Authorization: Bearer <token>}. Traces and messages mask it. */
    public Builder bearerAuth(String token) {
      return header("Authorization", "Bearer " + token);
    }

    /** Adds {@code Accept}. */
    public Builder accept(String mediaTypes) {
      return header("Accept", mediaTypes);
    }

    /**
     * Adds {@code User-Agent}; without it the firmware sends its own, {@code ESP32 HTTP Client/1.0}
     * (§4).
     */
    public Builder userAgent(String agent) {
      return header("User-Agent", agent);
    }

    /** Adds a header; the same name twice is sent twice. {@code Content-Type} sets the content type. */
    public Builder header(String name, String value) {
      checkHeader(name, value);
      if (name.equalsIgnoreCase("Content-Type")) {
        return contentType(value);
      }
      headers.add(Map.entry(name, value));
      return this;
    }

    public Builder GET() {
      return method("GET", (byte[]) null);
    }

    public Builder HEAD() {
      return method("HEAD", (byte[]) null);
    }

    public Builder DELETE() {
      return method("DELETE", (byte[]) null);
    }

    public Builder POST(byte[] body, ContentType type) {
      return POST(RequestBody.of(body)).contentType(type);
    }

    /** POST with a UTF-8 text body. */
    public Builder POST(String body, ContentType type) {
      return POST(RequestBody.of(body)).contentType(type);
    }

    /**
     * POST with any body: a file, a stream of known length, {@link MultipartBody}, JSON
     * ({@link RequestBody#json}). The body's own media type, if it has one, becomes the content type.
     */
    public Builder POST(RequestBody body) {
      return method("POST", body);
    }

    public Builder PUT(byte[] body, ContentType type) {
      return PUT(RequestBody.of(body)).contentType(type);
    }

    /** PUT with a UTF-8 text body. */
    public Builder PUT(String body, ContentType type) {
      return PUT(RequestBody.of(body)).contentType(type);
    }

    /** PUT with any body; see {@link #POST(RequestBody)}. */
    public Builder PUT(RequestBody body) {
      return method("PUT", body);
    }

    /** Any method and body (null for none); methods the firmware cannot send are refused by the client. */
    public Builder method(String method, byte[] body) {
      return method(method, body == null ? null : RequestBody.of(body));
    }

    /** Any method with a UTF-8 text body. */
    public Builder method(String method, String body) {
      return method(method, RequestBody.of(body));
    }

    /** Any method and body (null for none); the body's own media type becomes the content type. */
    public Builder method(String method, RequestBody body) {
      this.method = method.toUpperCase(Locale.ROOT);
      this.body = body;
      if (body != null) {
        body.contentType().ifPresent(this::contentType);
      }
      return this;
    }

    /** One of AT+HTTPCLIENT's four content types. */
    public Builder contentType(ContentType type) {
      this.preset = type;
      this.contentType = type == null ? null : type.mediaType();
      return this;
    }

    /** Any media type; sent as a {@code Content-Type} header unless it is one of the four presets. */
    public Builder contentType(String mediaType) {
      this.contentType = mediaType;
      this.preset = null;
      for (ContentType t : ContentType.values()) {
        if (t.mediaType().equalsIgnoreCase(mediaType)) {
          this.preset = t;
        }
      }
      return this;
    }

    /** How long the device may take for the whole request; 30 s by default. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public HttpRequest build() {
      return new HttpRequest(this);
    }
  }
}
