package dev.espat.driver.http;

import dev.espat.driver.HttpCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What came back: the {@link HttpStatus} as far as the firmware reports it, the body as its
 * {@link BodyHandler} made it, for HEAD the response headers (the other commands print no
 * headers), the body's length, and which AT command carried the request.
 *
 * <pre>{@code
 * HttpResponse<byte[]> r = esp.http().send(request);
 * r.status();               // Succeeded, or Failed(404)
 * r.text();                 // the body as UTF-8
 * r.json(Map.class);        // the body through the client's JSON codec
 * r.header("Content-Type"); // HEAD only
 * }</pre>
 *
 * @param <T> what the body handler made of the body
 */
public final class HttpResponse<T> {
  private final HttpRequest request;
  private final HttpStatus status;
  private final T body;
  private final long bodyLength;
  private final List<Map.Entry<String, String>> headers;
  private final HttpCommand command;
  private final JsonCodec json;

  HttpResponse(HttpRequest request, HttpStatus status, T body, long bodyLength, List<Map.Entry<String, String>> headers,
      HttpCommand command, JsonCodec json) {
    this.request = request;
    this.status = status;
    this.body = body;
    this.bodyLength = bodyLength;
    this.headers = List.copyOf(headers);
    this.command = command;
    this.json = json;
  }

  /** The request this answers. */
  public HttpRequest request() {
    return request;
  }

  public HttpStatus status() {
    return status;
  }

  /**
   * The body as the handler made it: for {@code send(request)}, the bytes (the array itself: do
   * not change it); empty for HEAD, and for a failure on firmware that prints none (P-17).
   */
  public T body() {
    return body;
  }

  /**
   * The body as text (UTF-8), when the handler kept it in memory as bytes or text.
   *
   * @throws IllegalStateException for a body the handler did not keep (a file, chunks)
   */
  public String text() {
    return switch (body) {
      case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
      case String s -> s;
      case null -> "";
      default -> throw new IllegalStateException("the body was handed to " + body.getClass().getSimpleName()
          + ", not kept as bytes or text");
    };
  }

  /**
   * The body decoded by the client's JSON codec, when the handler kept it as bytes or text
   * (requests' {@code response.json()}).
   *
   * @throws UncheckedIOException when the body is not valid JSON for {@code type}
   */
  public <J> J json(Class<J> type) {
    byte[] bytes = body instanceof byte[] b ? b : text().getBytes(StandardCharsets.UTF_8);
    try {
      return json.read(new ByteArrayInputStream(bytes), type);
    } catch (IOException e) {
      throw new UncheckedIOException("the body of " + request + " is not JSON for " + type.getSimpleName() + ": "
          + e.getMessage(), e);
    }
  }

  /** How many body bytes arrived, whatever the handler did with them. */
  public long bodyLength() {
    return bodyLength;
  }

  /** The response headers in the order received: HEAD only (P-20); empty for every other method. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The first value of a response header, by name in any case: HEAD only. */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  /** The AT command that sent the request. */
  public HttpCommand command() {
    return command;
  }

  @Override
  public String toString() {
    return "HttpResponse[" + status + ", " + bodyLength + " bytes via AT" + command.atName() + "]";
  }
}
