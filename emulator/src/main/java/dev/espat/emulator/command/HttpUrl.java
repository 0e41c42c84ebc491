package dev.espat.emulator.command;

import dev.espat.emulator.device.Exchange;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ParameterException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The URL of an HTTP command: the command's own, or the AT+HTTPURLCFG one when it is {@code ""}
 * (P-22, P-24), checked the way the firmware's client needs it. A bad URL is a parse error of the
 * url parameter (P-09).
 */
final class HttpUrl {
  /** P-24: the longest URL the firmware takes. */
  static final int MAX_LENGTH = HttpStoreCommands.MAX_URL;

  private HttpUrl() {}

  /** The URL at {@code index}, the stored one when the field is {@code ""} or empty, if either is set. */
  static Optional<URI> of(AtCommand cmd, int index, Exchange ex) {
    byte[] given = cmd.isOmitted(index) ? new byte[0] : cmd.stringBytes(index);
    if (given.length > 0) {
      return Optional.of(parse(given, index));
    }
    return HttpSettings.of(ex.state()).url().map(stored -> parse(stored, index));
  }

  /** Like {@link #of} but a URL is required. */
  static URI required(AtCommand cmd, int index, Exchange ex) {
    return of(cmd, index, ex).orElseThrow(() -> new ParameterException(index, "is empty and AT+HTTPURLCFG stored no URL"));
  }

  /**
   * Checks and reads a URL.
   *
   * @throws ParameterException naming {@code index} when it is too long, has no or another scheme
   *     than http/https, no host, or does not parse (spaces, for one)
   */
  static URI parse(byte[] bytes, int index) {
    if (bytes.length > MAX_LENGTH) {
      throw new ParameterException(index, "is a URL of " + bytes.length + " bytes, over " + MAX_LENGTH);
    }
    URI uri;
    try {
      uri = new URI(new String(bytes, StandardCharsets.UTF_8));
    } catch (URISyntaxException e) {
      throw new ParameterException(index, "is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ParameterException(index, "must be an http:// or https:// URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new ParameterException(index, "is a URL without a host");
    }
    return uri;
  }

  /** P-20: a URL from host and path, the scheme from transport_type (1 http, 2 https). */
  static URI fromHostAndPath(String host, String path, int transport, int hostIndex) {
    String p = path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
    String url = (transport == 2 ? "https" : "http") + "://" + host + p;
    return parse(url.getBytes(StandardCharsets.UTF_8), hostIndex);
  }
}
