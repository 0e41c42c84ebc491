package dev.espat.emulator.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the firmware would put it on the wire: every header already decided (P-20,
 * P-23, P-25), the body whole.
 *
 * @param method {@code GET}, {@code POST}...
 * @param uri an absolute {@code http} or {@code https} URI
 * @param headers header lines in the order they are sent
 * @param body the body, or null for a request without one (no Content-Length)
 * @param timeout how long the network may stay idle while the engine waits on it; zero waits for
 *     ever
 * @param tls how TLS checks certificates, for {@code https}
 */
public record OutgoingRequest(
    String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body, Duration timeout, TlsSettings tls) {

  public OutgoingRequest {
    headers = List.copyOf(headers);
  }

  public boolean isHttps() {
    return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
  }

  /** The port, with the scheme's default when the URI names none. */
  public int port() {
    return uri.getPort() >= 0 ? uri.getPort() : isHttps() ? 443 : 80;
  }

  /** Path and query as sent on the request line; {@code /} when the URI has no path. */
  public String target() {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** The Host header for a URI: the port only when it is not the scheme's default. */
  public static String hostHeader(URI uri) {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort();
    return port < 0 || port == (https ? 443 : 80) ? uri.getHost() : uri.getHost() + ":" + port;
  }

  /** The same request sent elsewhere, for a redirect; 303 (and 301/302 for POST) become a GET. */
  public OutgoingRequest redirectedTo(URI location, int status, List<Map.Entry<String, String>> newHeaders) {
    boolean toGet = status == 303 || ((status == 301 || status == 302) && !"HEAD".equals(method));
    return new OutgoingRequest(toGet ? ("HEAD".equals(method) ? method : "GET") : method,
        location, newHeaders, toGet ? null : body, timeout, tls);
  }
}
