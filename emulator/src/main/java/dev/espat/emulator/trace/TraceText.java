package dev.espat.emulator.trace;

import dev.espat.grammar.SecretMasker;
import java.nio.charset.StandardCharsets;

/** Turns bytes into trace text: escaped so a trace stays one line per event, and masked. */
public final class TraceText {
  /** Longest stretch of one write kept in the trace; the rest is counted, not shown. */
  public static final int MAX_SHOWN = 1024;

  private TraceText() {}

  public static String of(byte[] bytes, int offset, int length) {
    int shown = Math.min(length, MAX_SHOWN);
    // Mask first, on the text as it was (CR LF still end fields), then escape: one char a byte.
    String masked = SecretMasker.mask(new String(bytes, offset, shown, StandardCharsets.ISO_8859_1));
    StringBuilder s = new StringBuilder(masked.length() + 16);
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      switch (c) {
        case '\r' -> s.append("\\r");
        case '\n' -> s.append("\\n");
        case '\\' -> s.append("\\\\");
        default -> {
          if (c >= 0x20 && c < 0x7F) {
            s.append(c);
          } else {
            s.append(String.format("\\x%02x", (int) c));
          }
        }
      }
    }
    return length > shown ? s + " ... (" + (length - shown) + " more bytes)" : s.toString();
  }

  public static String of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }
}
