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
    StringBuilder s = new StringBuilder(shown + 16);
    for (int i = offset; i < offset + shown; i++) {
      int c = bytes[i] & 0xFF;
      switch (c) {
        case '\r' -> s.append("\\r");
        case '\n' -> s.append("\\n");
        case '\\' -> s.append("\\\\");
        default -> {
          if (c >= 0x20 && c < 0x7F) {
            s.append((char) c);
          } else {
            s.append(String.format("\\x%02x", c));
          }
        }
      }
    }
    String masked = SecretMasker.mask(s.toString());
    return length > shown ? masked + " ... (" + (length - shown) + " more bytes)" : masked;
  }

  public static String of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }
}
