package dev.espat.conformance.internal;

import dev.espat.conformance.format.Escapes;
import dev.espat.conformance.format.TokenKind;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Matches {@link Element}s against what the device wrote so far. The answer is one of: matched
 * (and where it ended), a mismatch (where, and what was expected there), or "need more" when every
 * byte so far fits and the rest has not arrived.
 *
 * <p>A token takes as many bytes of its class as it can, then checks their shape; a frame reads
 * its length, waits for its whole payload (at most {@link #MAX_INLINE_FRAME}), and matches the
 * payload within exactly that many bytes.
 */
final class PatternMatch {
  /** A frame on a {@code <} line may be this large; bodies go through {@code frames}. */
  static final int MAX_INLINE_FRAME = 64 * 1024;

  /** The longest frame length read (9 digits). */
  private static final int MAX_LENGTH_DIGITS = 9;

  enum Kind { MATCHED, MISMATCH, NEED_MORE }

  /**
   * @param end where the match ended (MATCHED)
   * @param at where the first difference is (MISMATCH)
   * @param expected what was expected there, in words or escaped bytes (MISMATCH)
   */
  record Result(Kind kind, int end, int at, String expected) {
    static final Result NEED_MORE = new Result(Kind.NEED_MORE, -1, -1, null);

    static Result matched(int end) {
      return new Result(Kind.MATCHED, end, -1, null);
    }

    static Result mismatch(int at, String expected) {
      return new Result(Kind.MISMATCH, -1, at, expected);
    }
  }

  private PatternMatch() {}

  /** Matches from the start of {@code in}, of which {@code available} bytes are valid. */
  static Result match(List<Element> elements, byte[] in, int available) {
    return match(elements, in, available, 0, -1);
  }

  private static Result match(List<Element> elements, byte[] in, int available, int pos, int limit) {
    for (int i = 0; i < elements.size(); i++) {
      Element e = elements.get(i);
      if (e instanceof Element.Token t && t.kind().mayBeEmpty() && i + 1 < elements.size()
          && elements.get(i + 1) instanceof Element.Literal next) {
        Result r = upTo(t.kind(), next.bytes(), in, available, pos, limit);
        if (r.kind() != Kind.MATCHED) {
          return r;
        }
        pos = r.end();
        i++;
        continue;
      }
      Result r = switch (e) {
        case Element.Literal l -> literal(l.bytes(), in, available, pos, limit);
        case Element.Token t -> token(t.kind(), in, available, pos, limit);
        case Element.Frame f -> frame(f, in, available, pos);
      };
      if (r.kind() != Kind.MATCHED) {
        return r;
      }
      pos = r.end();
    }
    return Result.matched(pos);
  }

  private static Result literal(byte[] bytes, byte[] in, int available, int pos, int limit) {
    for (int i = 0; i < bytes.length; i++, pos++) {
      if (limit >= 0 && pos >= limit) {
        return Result.mismatch(pos, "'" + Escapes.show(bytes, i, bytes.length - i) + "', but the frame's payload ended");
      }
      if (pos >= available) {
        return Result.NEED_MORE;
      }
      if (in[pos] != bytes[i]) {
        return Result.mismatch(pos, "'" + Escapes.show(bytes, i, Math.min(bytes.length - i, 40)) + "'");
      }
    }
    return Result.matched(pos);
  }

  /**
   * {@code {any-line}} or {@code {any}} followed by literal text: takes bytes up to the first place
   * the text follows, so {@code {any-line} - ESP32 - {any-line}\r\n} finds the tag in the line.
   */
  private static Result upTo(TokenKind kind, byte[] literal, byte[] in, int available, int pos, int limit) {
    int bound = limit >= 0 ? limit : Integer.MAX_VALUE;
    for (int p = pos; ; p++) {
      Result here = literal(literal, in, available, p, limit);
      if (here.kind() != Kind.MISMATCH) {
        return here; // matched, or consistent so far and waiting for more
      }
      if (p >= bound) {
        return Result.mismatch(p, "'" + Escapes.show(literal, 0, Math.min(literal.length, 40)) + "', but the frame's payload ended");
      }
      if (p >= available) {
        return Result.NEED_MORE;
      }
      if (!kind.accepts(in[p] & 0xff)) {
        return Result.mismatch(p, "'" + Escapes.show(literal, 0, Math.min(literal.length, 40)) + "'");
      }
    }
  }

  private static Result token(TokenKind kind, byte[] in, int available, int pos, int limit) {
    int start = pos;
    int bound = limit >= 0 ? Math.min(limit, available) : available;
    while (pos < bound && kind.accepts(in[pos] & 0xff)) {
      pos++;
    }
    if (limit < 0 && pos >= available) {
      return Result.NEED_MORE; // the token may go on in bytes not here yet
    }
    if (pos == start && !kind.mayBeEmpty()) {
      return Result.mismatch(start, "{" + kind.placeholder() + "} (" + kind.description() + ")");
    }
    String text = new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
    if (!kind.valid(text)) {
      return Result.mismatch(start, "{" + kind.placeholder() + "} (" + kind.description() + "), not '" + Escapes.show(in, start, pos - start) + "'");
    }
    return Result.matched(pos);
  }

  private static Result frame(Element.Frame frame, byte[] in, int available, int pos) {
    int start = pos;
    while (pos < available && pos - start <= MAX_LENGTH_DIGITS && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    if (pos - start > MAX_LENGTH_DIGITS) {
      return Result.mismatch(start, "a frame length of at most " + MAX_LENGTH_DIGITS + " digits");
    }
    if (pos >= available) {
      return Result.NEED_MORE;
    }
    if (pos == start) {
      return Result.mismatch(start, "a frame length (digits)");
    }
    if (in[pos] != ',') {
      return Result.mismatch(pos, "',' after the frame length");
    }
    int length = Integer.parseInt(new String(in, start, pos - start, StandardCharsets.US_ASCII));
    pos++;
    if (length > MAX_INLINE_FRAME) {
      return Result.mismatch(start, "a frame of at most " + MAX_INLINE_FRAME + " bytes on a < line (use 'frames' for bodies), not " + length);
    }
    if (available < pos + length) {
      return Result.NEED_MORE;
    }
    Result payload = match(frame.payload(), in, available, pos, pos + length);
    if (payload.kind() != Kind.MATCHED) {
      return payload;
    }
    if (payload.end() != pos + length) {
      return Result.mismatch(payload.end(), "the end of the " + length + "-byte payload the frame announced");
    }
    return Result.matched(pos + length);
  }
}
