package dev.espat.conformance.format;

import java.nio.charset.StandardCharsets;

/**
 * The escapes of {@code >} and {@code <} lines, both ways. In a line, {@code \r}, {@code \n},
 * {@code \t}, {@code \0}, {@code \\}, {@code \xNN} (one byte), {@code \{} and {@code \}} stand
 * for their bytes; a backslash before anything else is kept as it is, so the AT escapes
 * {@code \"} and {@code \,} are written as the device receives them.
 *
 * <pre>{@code
 * Escapes.show("OK\r\n\0".getBytes(ISO_8859_1));   // OK\r\n\x00
 * }</pre>
 */
public final class Escapes {
  private Escapes() {}

  /**
   * Bytes as one line of readable text: printable ASCII as it is, {@code \r}, {@code \n},
   * {@code \t}, {@code \\}, everything else {@code \xNN}.
   */
  public static String show(byte[] bytes) {
    return show(bytes, 0, bytes.length);
  }

  public static String show(byte[] bytes, int offset, int length) {
    StringBuilder s = new StringBuilder(length + 8);
    for (int i = offset; i < offset + length; i++) {
      appendShown(s, bytes[i] & 0xff);
    }
    return s.toString();
  }

  static void appendShown(StringBuilder s, int b) {
    s.append(shown(b));
  }

  private static String shown(int b) {
    return switch (b) {
      case '\r' -> "\\r";
      case '\n' -> "\\n";
      case '\t' -> "\\t";
      case '\\' -> "\\\\";
      default -> b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b);
    };
  }

  /**
   * Bytes as the text of a transcript line that reads back to the same bytes: like {@link #show},
   * and a {@code {} that would start a placeholder is written {@code \{}.
   */
  public static String write(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length + 8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '{' && i + 1 < bytes.length && bytes[i + 1] >= 'a' && bytes[i + 1] <= 'z') {
        s.append("\\{");
      } else {
        appendShown(s, b);
      }
    }
    return s.toString();
  }

  /** The bytes of literal text as a transcript file holds it (UTF-8). */
  static byte[] utf8(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
