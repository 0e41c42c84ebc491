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

  /**
   * Gathers the first {@link #MAX_SHOWN} bytes of a payload that arrives in pieces, and counts the
   * rest, so that it can be masked and traced as one event.
   */
  public static final class Collector {
    private final java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
    private long total;

    public void add(byte[] chunk) {
      int room = MAX_SHOWN - head.size();
      head.write(chunk, 0, Math.max(0, Math.min(room, chunk.length)));
      total += chunk.length;
    }

    /** The payload as trace text: escaped, masked, with the count of what was not kept. */
    public String text() {
      String shown = of(head.toByteArray());
      return total > head.size() ? shown + " ... (" + (total - head.size()) + " more bytes)" : shown;
    }

    public void clear() {
      head.reset();
      total = 0;
    }
  }
}
