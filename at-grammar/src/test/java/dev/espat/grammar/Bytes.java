package dev.espat.grammar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helpers for writing byte strings as text with escapes visible. */
public final class Bytes {
  private Bytes() {}

  /** UTF-8 bytes of the text. */
  public static byte[] of(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Concatenation. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Every byte value 0..255 once, then again: a body no line reader would survive. */
  public static byte[] allByteValues() {
    byte[] b = new byte[512];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /** The bytes as text with CR, LF and non-printables escaped, for assertion messages. */
  public static String show(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xFF;
      switch (c) {
        case '\r' -> s.append("\\r");
        case '\n' -> s.append("\\n");
        default -> s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
      }
    }
    return s.toString();
  }
}
