package dev.espat.driver.http;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader over a byte stream, through a fixed buffer: one document into maps,
 * lists, strings, numbers, booleans and null (see {@link JsonCodec#minimal()}). Not thread-safe;
 * one instance reads one document.
 */
final class JsonReader {
  static final int MAX_DEPTH = 512;
  static final int MAX_STRING_CHARS = 10_000_000;
  static final int MAX_NUMBER_CHARS = 1_000;

  private final InputStream in;
  private final byte[] buf = new byte[8192];
  private int pos;
  private int limit;
  /** Bytes consumed before buf[0]. */
  private long bufStart;
  private long line = 1;
  /** Offset of the first byte of the current line. */
  private long lineStart;
  private boolean eof;
  private final StringBuilder text = new StringBuilder();

  JsonReader(InputStream in) {
    this.in = in;
  }

  /** The one document of the stream; anything but whitespace after it is refused. */
  Object readDocument() throws IOException {
    if (peek() == 0xEF) { // a UTF-8 byte order mark, which RFC 8259 lets a reader ignore
      long at = offset();
      if (next() != 0xEF || next() != 0xBB || next() != 0xBF) {
        throw error(at, "invalid UTF-8 at the start of the input");
      }
    }
    Object value = readValue(0);
    skipWhitespace();
    if (peek() != -1) {
      throw error(offset(), "expected the end of input after the JSON document but found " + describe(peek()));
    }
    return value;
  }

  private Object readValue(int depth) throws IOException {
    skipWhitespace();
    int b = peek();
    return switch (b) {
      case '{' -> readObject(depth + 1);
      case '[' -> readArray(depth + 1);
      case '"' -> readString();
      case 't' -> readLiteral("true", Boolean.TRUE);
      case 'f' -> readLiteral("false", Boolean.FALSE);
      case 'n' -> readLiteral("null", null);
      default -> {
        if (b == '-' || (b >= '0' && b <= '9')) {
          yield readNumber();
        }
        throw error(offset(), "expected a value (object, array, string, number, true, false or null) but found "
            + describe(b));
      }
    };
  }

  private Map<String, Object> readObject(int depth) throws IOException {
    checkDepth(depth);
    next(); // {
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      next();
      return map;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error(offset(), (map.isEmpty() ? "expected a string key or '}'" : "expected a string key after ','")
            + " but found " + describe(peek()));
      }
      String key = readString();
      skipWhitespace();
      expect(':', "after the key");
      map.put(key, readValue(depth));
      skipWhitespace();
      int b = peek();
      if (b == '}') {
        next();
        return map;
      }
      expect(',', "or '}' after a member of the object");
    }
  }

  private List<Object> readArray(int depth) throws IOException {
    checkDepth(depth);
    next(); // [
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      next();
      return list;
    }
    while (true) {
      list.add(readValue(depth));
      skipWhitespace();
      if (peek() == ']') {
        next();
        return list;
      }
      expect(',', "or ']' after an element of the array");
    }
  }

  private void checkDepth(int depth) throws JsonException {
    if (depth > MAX_DEPTH) {
      throw error(offset(), "nesting deeper than " + MAX_DEPTH + " arrays and objects");
    }
  }

  private Object readLiteral(String word, Object value) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      if (peek() != word.charAt(i)) {
        throw error(offset(), "expected '" + word + "' but found " + describe(peek()));
      }
      next();
    }
    return value;
  }

  private Object readNumber() throws IOException {
    long start = offset();
    text.setLength(0);
    boolean integer = true;
    if (peek() == '-') {
      appendNumberChar(start);
    }
    if (peek() == '0') {
      appendNumberChar(start);
      if (isDigit(peek())) {
        throw error(offset(), "a number may not have leading zeros");
      }
    } else {
      digits(start, "a digit");
    }
    if (peek() == '.') {
      integer = false;
      appendNumberChar(start);
      digits(start, "a digit after '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      integer = false;
      appendNumberChar(start);
      if (peek() == '+' || peek() == '-') {
        appendNumberChar(start);
      }
      digits(start, "a digit in the exponent");
    }
    String number = text.toString();
    if (integer) {
      if (number.length() <= 18) {
        return Long.parseLong(number);
      }
      BigInteger big = new BigInteger(number);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    try {
      return new BigDecimal(number);
    } catch (NumberFormatException e) { // an exponent beyond what BigDecimal holds (±2^31)
      throw error(start, "number out of range: " + number);
    }
  }

  /** One or more digits. */
  private void digits(long start, String expected) throws IOException {
    if (!isDigit(peek())) {
      throw error(offset(), "expected " + expected + " but found " + describe(peek()));
    }
    while (isDigit(peek())) {
      appendNumberChar(start);
    }
  }

  private void appendNumberChar(long start) throws IOException {
    if (text.length() >= MAX_NUMBER_CHARS) {
      throw error(start, "number longer than " + MAX_NUMBER_CHARS + " characters");
    }
    text.append((char) next());
  }

  private static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  private String readString() throws IOException {
    long start = offset();
    next(); // "
    text.setLength(0);
    while (true) {
      if (text.length() >= MAX_STRING_CHARS) {
        throw error(start, "string longer than " + MAX_STRING_CHARS + " characters");
      }
      long at = offset();
      int b = next();
      if (b == '"') {
        return text.toString();
      } else if (b == '\\') {
        readEscape(at);
      } else if (b == -1) {
        throw error(at, "expected '\"' to close the string that starts at byte " + start + " but found the end of input");
      } else if (b < 0x20) {
        throw error(at, "a control character (U+%04X) must be escaped in a string".formatted(b));
      } else if (b < 0x80) {
        text.append((char) b);
      } else {
        readUtf8(at, b);
      }
    }
  }

  private void readEscape(long at) throws IOException {
    int b = next();
    switch (b) {
      case '"', '\\', '/' -> text.append((char) b);
      case 'b' -> text.append('\b');
      case 'f' -> text.append('\f');
      case 'n' -> text.append('\n');
      case 'r' -> text.append('\r');
      case 't' -> text.append('\t');
      case 'u' -> {
        int c = 0;
        for (int i = 0; i < 4; i++) {
          int h = Character.digit(peek(), 16);
          if (peek() >= 0x80 || h < 0) {
            throw error(offset(), "expected 4 hex digits after \\u but found " + describe(peek()));
          }
          next();
          c = c << 4 | h;
        }
        text.append((char) c); // lone surrogates kept, as Java strings allow
      }
      default -> throw error(at, "invalid escape: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\' but found "
          + describe(b));
    }
  }

  /** One code point from its UTF-8 lead byte b; overlong forms, surrogates and > U+10FFFF refused. */
  private void readUtf8(long at, int b) throws IOException {
    int n;
    int cp;
    int min;
    if (b >= 0xC0 && b <= 0xDF) {
      n = 1;
      cp = b & 0x1F;
      min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 2;
      cp = b & 0x0F;
      min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF7) {
      n = 3;
      cp = b & 0x07;
      min = 0x10000;
    } else {
      throw error(at, "invalid UTF-8: " + describe(b) + " cannot start a character");
    }
    for (int i = 0; i < n; i++) {
      int c = peek();
      if ((c & 0xC0) != 0x80) {
        throw error(offset(), "invalid UTF-8: expected a continuation byte but found " + describe(c));
      }
      next();
      cp = cp << 6 | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw error(at, "invalid UTF-8: an overlong form, a surrogate or a code point over U+10FFFF");
    }
    text.appendCodePoint(cp);
  }

  private void expect(char c, String context) throws IOException {
    if (peek() != c) {
      throw error(offset(), "expected '" + c + "' " + context + " but found " + describe(peek()));
    }
    next();
  }

  private void skipWhitespace() throws IOException {
    while (true) {
      int b = peek();
      if (b == '\n') {
        next();
        line++;
        lineStart = offset();
      } else if (b == ' ' || b == '\t' || b == '\r') {
        next();
      } else {
        return;
      }
    }
  }

  /** The next byte (0..255) without taking it, or -1 at the end. */
  private int peek() throws IOException {
    if (pos == limit) {
      if (eof) {
        return -1;
      }
      bufStart += limit;
      pos = 0;
      limit = 0;
      int n;
      do {
        n = in.read(buf, 0, buf.length);
      } while (n == 0);
      if (n < 0) {
        eof = true;
        return -1;
      }
      limit = n;
    }
    return buf[pos] & 0xFF;
  }

  /** Takes the next byte, or -1 at the end. */
  private int next() throws IOException {
    int b = peek();
    if (b >= 0) {
      pos++;
    }
    return b;
  }

  private long offset() {
    return bufStart + pos;
  }

  private JsonException error(long at, String message) {
    // the line is right for every error: a newline is only ever taken as whitespace
    long column = at >= lineStart ? at - lineStart + 1 : 1;
    return new JsonException(message, at, line, column);
  }

  private static String describe(int b) {
    if (b < 0) {
      return "the end of input";
    }
    if (b >= 0x20 && b < 0x7F) {
      return "'" + (char) b + "'";
    }
    return "byte 0x%02X".formatted(b);
  }
}
