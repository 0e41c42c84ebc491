package dev.espat.driver.http;

import dev.espat.driver.HttpCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What came back: the {@link HttpStatus} as far as the firmware reports it, the body, and for HEAD
 * the response headers (the other commands print no headers). Also which AT command carried it.
 *
 * <pre>{@code
 * HttpResponse r = esp.http().send(request);
 * r.status();            // Succeeded, or Failed(404)
 * r.bodyAsString();      // the body as UTF-8
 * r.header("Content-Type");   // HEAD only
 * }</pre>
 */
public final class HttpResponse {
  private final HttpStatus status;
  private final byte[] body;
  private final List<Map.Entry<String, String>> headers;
  private final HttpCommand command;

  HttpResponse(HttpStatus status, byte[] body, List<Map.Entry<String, String>> headers, HttpCommand command) {
    this.status = status;
    this.body = body;
    this.headers = List.copyOf(headers);
    this.command = command;
  }

  public HttpStatus status() {
    return status;
  }

  /** The body bytes, a copy; empty for HEAD, and for a failure on firmware that prints none (P-17). */
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body's length in bytes. */
  public int bodyLength() {
    return body.length;
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
    return "HttpResponse[" + status + ", " + body.length + " bytes via AT" + command.atName() + "]";
  }
}
