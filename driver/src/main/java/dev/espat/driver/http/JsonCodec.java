package dev.espat.driver.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Turns Java values into JSON bytes and back. The driver's default is {@link #minimal()}, which
 * needs no library; plug Jackson, Gson or another by implementing the two methods.
 *
 * <pre>{@code
 * JsonCodec json = JsonCodec.minimal();
 * ByteArrayOutputStream out = new ByteArrayOutputStream();
 * json.write(Map.of("purpose", "test", "n", 42), out);            // {"purpose":"test","n":42}
 * Map<?, ?> m = json.read(new ByteArrayInputStream(out.toByteArray()), Map.class);
 *
 * // Jackson, for records and beans:
 * ObjectMapper mapper = new ObjectMapper();
 * JsonCodec jackson = new JsonCodec() {
 *   public void write(Object value, OutputStream out) throws IOException { mapper.writeValue(out, value); }
 *   public <T> T read(InputStream in, Class<T> type) throws IOException { return mapper.readValue(in, type); }
 * };
 * }</pre>
 */
public interface JsonCodec {

  /** Writes value as UTF-8 JSON. */
  void write(Object value, OutputStream out) throws IOException;

  /** Reads one JSON document as the given type. */
  <T> T read(InputStream in, Class<T> type) throws IOException;

  /**
   * The built-in codec: no dependencies, strict RFC 8259, bounded memory per token.
   *
   * <p><b>Reading</b> gives {@code Map<String, Object>} (a {@code LinkedHashMap} in document
   * order; of a repeated key the last value is kept), {@code List<Object>}, {@code String},
   * {@code Boolean}, {@code null}, and for numbers: {@code Long} for an integer that fits, else
   * {@code BigInteger}; {@code BigDecimal} for any number with a fraction or an exponent, which is
   * exact ({@code 0.1} stays 0.1, {@code 1.50} keeps its scale, {@code 1e400} does not become
   * infinity); call {@code doubleValue()} or read as {@code Double.class} when a double is wanted.
   * {@code type} may be {@code Object}, {@code Map}, {@code List}, {@code String}, {@code Boolean},
   * {@code Number}, {@code Long}, {@code Integer}, {@code Double}, {@code BigInteger},
   * {@code BigDecimal} or a primitive among them; an integer type takes any number with an integral
   * value ({@code 1.0} and {@code 1e3} too) and refuses one with a fraction or out of its range,
   * never rounding it. Other types (records, beans) throw a {@link JsonException}
   * before reading anything: plug a full codec for them. Input must be UTF-8 (a leading byte order
   * mark is skipped); <code>&#92;u</code> escapes of lone surrogates are kept as such in the String.
   * Refused with a {@link JsonException} naming the line, column and byte: anything RFC 8259 does
   * not allow (trailing commas, leading zeros, unescaped control characters, invalid UTF-8,
   * anything after the document), nesting deeper than 512, a string longer than 10,000,000
   * characters, a number longer than 1,000 characters or with an exponent beyond what
   * {@code BigDecimal} holds (about ±2<sup>31</sup>; RFC 8259 section 9 lets a reader limit numbers). The stream is read through a small buffer,
   * never whole, to its end (to see that nothing follows); it is not closed.
   *
   * <p><b>Writing</b> takes {@code Map} (keys as {@code toString()}, enums by name; null keys
   * refused), {@code Iterable}, arrays (also primitive ones, {@code byte[]} included), {@code
   * CharSequence}, {@code Boolean}, {@code null}, {@code Optional} (empty is null), enums (by
   * name), records (an object of their components by name) and the JDK's numbers: {@code Byte},
   * {@code Short}, {@code Integer}, {@code Long}, {@code AtomicInteger}, {@code AtomicLong},
   * {@code BigInteger}, {@code BigDecimal}, and finite {@code Float}/{@code Double} (NaN and
   * infinity have no JSON form). Anything else, and nesting deeper than 512 (a cycle, say), throws
   * a {@link JsonException} naming the class; part of the document may have been written by then.
   * Output is compact UTF-8; {@code "}, {@code \}, control characters (<code>&#92;u00XX</code>),
   * U+2028, U+2029 and lone surrogates are escaped. The stream is flushed, not closed.
   */
  static JsonCodec minimal() {
    return MinimalJson.INSTANCE;
  }
}
