package dev.espat.driver.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
  private final byte[] body;
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

  /** A builder for a GET of {@code uri}. */
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

  /** The body, a copy; empty for a request without one. */
  public Optional<byte[]> body() {
    return Optional.ofNullable(body).map(byte[]::clone);
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

  byte[] bodyOrNull() {
    return body;
  }

  @Override
  public String toString() {
    return method + " " + uri + (body == null ? "" : " (" + body.length + " bytes)");
  }

  /** Builds an {@link HttpRequest}; not thread-safe. */
  public static final class Builder {
    private String method = "GET";
    private final URI uri;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] body;
    private String contentType;
    private ContentType preset;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("the ESP-AT HTTP commands take http:// and https:// URLs only, not " + uri);
      }
    }

    /** Adds a header; the same name twice is sent twice. {@code Content-Type} sets the content type. */
    public Builder header(String name, String value) {
      if (name.isBlank() || name.indexOf(':') >= 0) {
        throw new IllegalArgumentException("a header name must be non-blank and without ':': '" + name + "'");
      }
      if ((name + value).chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw new IllegalArgumentException("header " + name + ": CR, LF and NUL cannot be sent in an AT command line (P-01, P-07)");
      }
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
      return method("POST", body).contentType(type);
    }

    /** POST with a UTF-8 text body. */
    public Builder POST(String body, ContentType type) {
      return POST(body.getBytes(StandardCharsets.UTF_8), type);
    }

    public Builder PUT(byte[] body, ContentType type) {
      return method("PUT", body).contentType(type);
    }

    /** PUT with a UTF-8 text body. */
    public Builder PUT(String body, ContentType type) {
      return PUT(body.getBytes(StandardCharsets.UTF_8), type);
    }

    /** Any method and body (null for none); methods the firmware cannot send are refused by the client. */
    public Builder method(String method, byte[] body) {
      this.method = method.toUpperCase(Locale.ROOT);
      this.body = body == null ? null : body.clone();
      return this;
    }

    /** Any method with a UTF-8 text body. */
    public Builder method(String method, String body) {
      return method(method, body.getBytes(StandardCharsets.UTF_8));
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
