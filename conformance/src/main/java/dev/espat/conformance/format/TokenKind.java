package dev.espat.conformance.format;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The placeholders of a {@code <} line that absorb legitimate variation: each matches a run of
 * bytes of one class, then checks what it matched.
 */
public enum TokenKind {
  /** {@code {int}}: a decimal integer, possibly negative ({@code -55}). */
  INT("int", "an integer", "-?[0-9]+"),
  /** {@code {hex}}: hexadecimal digits. */
  HEX("hex", "hexadecimal digits", "[0-9a-fA-F]+"),
  /** {@code {ip}}: an IPv4 address ({@code 192.168.1.100}). */
  IP("ip", "an IPv4 address", "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}"),
  /** {@code {mac}}: a MAC address ({@code 24:0a:c4:01:02:03}). */
  MAC("mac", "a MAC address", "[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}"),
  /** {@code {version}}: a dotted version ({@code 4.1.0.0}). */
  VERSION("version", "a dotted version like 4.1.0.0", "[0-9]+(\\.[0-9]+)+"),
  /** {@code {any-line}}: any bytes except CR and LF, possibly none. */
  ANY_LINE("any-line", "the rest of a line", null),
  /** {@code {http-date}}: an HTTP date ({@code Tue, 15 Nov 1994 08:12:31 GMT}). */
  HTTP_DATE("http-date", "an HTTP date like 'Tue, 15 Nov 1994 08:12:31 GMT'", null),
  /** {@code {any}}: the rest of a frame's payload, whatever it holds. Only after {@code {len},}. */
  ANY("any", "any bytes", null);

  private final String placeholder;
  private final String description;
  private final Pattern shape;

  TokenKind(String placeholder, String description, String shape) {
    this.placeholder = placeholder;
    this.description = description;
    this.shape = shape == null ? null : Pattern.compile(shape);
  }

  /** The name between the braces. */
  public String placeholder() {
    return placeholder;
  }

  /** What it matches, in words, for failure messages. */
  public String description() {
    return description;
  }

  /** The kind named {@code name}, or null. */
  public static TokenKind named(String name) {
    for (TokenKind k : values()) {
      if (k.placeholder.equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** Whether a byte can be part of what this placeholder matches. */
  public boolean accepts(int b) {
    return switch (this) {
      case INT -> b == '-' || (b >= '0' && b <= '9');
      case HEX -> (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
      case IP, VERSION -> b == '.' || (b >= '0' && b <= '9');
      case MAC -> b == ':' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
      case ANY_LINE, HTTP_DATE -> b != '\r' && b != '\n';
      case ANY -> true;
    };
  }

  /** Whether it may match nothing at all. */
  public boolean mayBeEmpty() {
    return this == ANY_LINE || this == ANY;
  }

  /** Whether the bytes it took (ISO-8859-1 text) have the right shape. */
  public boolean valid(String text) {
    if (this == HTTP_DATE) {
      try {
        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return shape == null || shape.matcher(text).matches();
  }
}
