package dev.espat.emulator.command;

import dev.espat.emulator.http.OutgoingRequest;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ParameterException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers a request carries (P-20, P-23, P-25): the firmware's own (User-Agent, Host, a
 * Content-Type), then the command's header fields, then the AT+HTTPCHEAD ones; a later one with
 * the same key replaces an earlier one in its place. Content-Length is the body's, always.
 */
final class HeaderLines {
  /** What the firmware's HTTP client calls itself. */
  static final String USER_AGENT = "ESP32 HTTP Client/1.0";

  private HeaderLines() {}

  /**
   * The header fields of a command from {@code first} on, each {@code Key: Value}.
   *
   * @throws ParameterException naming the field that is not a header line
   */
  static List<byte[]> fromParameters(AtCommand cmd, int first) {
    List<byte[]> lines = new ArrayList<>();
    for (int i = first; i <= cmd.parameterCount(); i++) {
      byte[] line = cmd.stringBytes(i);
      if (split(line) == null) {
        throw new ParameterException(i, "is not a header line 'Key: Value'");
      }
      lines.add(line);
    }
    return lines;
  }

  /** A line split at its first colon, the value trimmed; null when it has no key before a colon. */
  static Map.Entry<String, String> split(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    int colon = text.indexOf(':');
    if (colon <= 0 || text.substring(0, colon).isBlank()) {
      return null;
    }
    return Map.entry(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
  }

  /**
   * The key a header line is known by, lower case: what comes before its first colon, or the
   * whole line when it has none. Two lines with the same key are the same header (P-25).
   */
  static String key(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    int colon = text.indexOf(':');
    return (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Every header of the request, in the order sent.
   *
   * @param contentType the Content-Type to send unless a header replaces it; null for none
   * @param body the body, or null for a request that sends no Content-Length
   */
  static List<Map.Entry<String, String>> assemble(
      URI uri, String contentType, List<byte[]> commandHeaders, List<byte[]> storedHeaders, byte[] body) {
    Map<String, Map.Entry<String, String>> byKey = new LinkedHashMap<>();
    put(byKey, Map.entry("User-Agent", USER_AGENT));
    put(byKey, Map.entry("Host", OutgoingRequest.hostHeader(uri)));
    if (contentType != null) {
      put(byKey, Map.entry("Content-Type", contentType));
    }
    // Stored headers come last, so a key stored with AT+HTTPCHEAD wins over the command's (P-25).
    for (List<byte[]> lines : List.of(commandHeaders, storedHeaders)) {
      for (byte[] line : lines) {
        Map.Entry<String, String> h = split(line);
        if (h != null) {
          put(byKey, h);
        }
      }
    }
    byKey.remove("content-length");
    if (body != null) {
      put(byKey, Map.entry("Content-Length", Integer.toString(body.length)));
    }
    return List.copyOf(byKey.values());
  }

  private static void put(Map<String, Map.Entry<String, String>> byKey, Map.Entry<String, String> header) {
    byKey.put(header.getKey().toLowerCase(Locale.ROOT), header);
  }
}
