package dev.espat.conformance.internal;

import dev.espat.conformance.format.Escapes;

/**
 * The "expected / got" of a failed step, escaped so each is one line, with a caret under the
 * first byte that differs and its offset:
 *
 * <pre>
 *   expected: \r\nERROR\r\n
 *   got:      \r\nOK\r\n
 *                 ^ byte 2: expected 'ERROR\r\n', got 'O' (0x4f)
 * </pre>
 *
 * Long input is shown as a window around the difference.
 */
final class ByteDiff {
  /** Bytes shown before the difference. */
  private static final int BEFORE = 64;

  /** Bytes shown from the difference on. */
  private static final int AFTER = 96;

  private ByteDiff() {}

  /**
   * @param expected the expectation as text (escaped, placeholders as written)
   * @param got what the device wrote from where the step began
   * @param at the offset in {@code got} of the first difference; {@code got.length} when got ended early
   * @param expectedThere what was expected at that offset, in words
   */
  static String render(String expected, byte[] got, int at, String expectedThere, Masking masking) {
    int from = Math.max(0, at - BEFORE);
    int to = Math.min(got.length, Math.max(at, from) + AFTER);
    String lead = from > 0 ? "... " : "";
    String before = masking.mask(lead + Escapes.show(got, from, Math.max(0, Math.min(at, got.length) - from)));
    String gotLine = masking.mask(lead + Escapes.show(got, from, to - from))
        + (to < got.length ? " ... (" + (got.length - to) + " more bytes)" : "");
    String there = at < got.length
        ? "got '" + Escapes.show(got, at, 1) + "' (0x" + String.format("%02x", got[at] & 0xff) + ")"
        : "got nothing more";
    StringBuilder s = new StringBuilder();
    s.append("  expected: ").append(masking.mask(expected)).append('\n');
    s.append("  got:      ").append(got.length == 0 ? "(nothing)" : gotLine).append('\n');
    s.append("            ").append(" ".repeat(before.length())).append("^ byte ").append(at)
        .append(": expected ").append(masking.mask(expectedThere)).append(", ").append(there);
    return s.toString();
  }

  /** Just what arrived, for failures that are not a difference (a timeout, unwanted output). */
  static String got(byte[] got, Masking masking) {
    int shown = Math.min(got.length, BEFORE + AFTER);
    return "  got:      " + (got.length == 0 ? "(nothing)" : masking.mask(Escapes.show(got, 0, shown))
        + (shown < got.length ? " ... (" + (got.length - shown) + " more bytes)" : ""));
  }
}
