package dev.espat.driver.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonCodecTest {
  private static final JsonCodec JSON = JsonCodec.minimal();

  // ---- reading valid documents

  static Stream<Arguments> validDocuments() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("b", List.of(1L, Map.of(), List.of()));
    nested.put("a", null);
    return Stream.of(
        Arguments.of("{}", Map.of()),
        Arguments.of("[]", List.of()),
        Arguments.of("\"\"", ""),
        Arguments.of("\"a b\"", "a b"),
        Arguments.of("0", 0L),
        Arguments.of("-0", 0L),
        Arguments.of("123", 123L),
        Arguments.of("-9223372036854775808", Long.MIN_VALUE),
        Arguments.of("9223372036854775807", Long.MAX_VALUE),
        Arguments.of("9223372036854775808", new BigInteger("9223372036854775808")),
        Arguments.of("-9223372036854775809", new BigInteger("-9223372036854775809")),
        Arguments.of("123456789012345678901234567890", new BigInteger("123456789012345678901234567890")),
        Arguments.of("1.5", new BigDecimal("1.5")),
        Arguments.of("1.50", new BigDecimal("1.50")),
        Arguments.of("0.1", new BigDecimal("0.1")),
        Arguments.of("-0.0", new BigDecimal("-0.0")),
        Arguments.of("1e3", new BigDecimal("1E+3")),
        Arguments.of("1E+3", new BigDecimal("1E+3")),
        Arguments.of("2.5e-3", new BigDecimal("0.0025")),
        Arguments.of("1e400", new BigDecimal("1e400")),
        Arguments.of("true", true),
        Arguments.of("false", false),
        Arguments.of("null", null),
        Arguments.of(" \t\r\n 7 \r\n\t ", 7L),
        Arguments.of("{\"b\" : [1, {}, []], \"a\":null}", nested),
        Arguments.of("{\"k\":1,\"k\":2}", Map.of("k", 2L)),
        Arguments.of("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t"),
        Arguments.of("\"\\u0041\\u00e9\\u00E9\\u20AC\\ud83d\\ude00\"", "A\u00e9\u00e9\u20ac\ud83d\ude00"),
        Arguments.of("\"\\ud800 \\udfff\"", "\ud800 \udfff"),
        Arguments.of("\"\u00e9\u20ac\ud83d\ude00\u007f\"", "\u00e9\u20ac\ud83d\ude00\u007f"),
        Arguments.of("\ufeff[1]", List.of(1L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validDocuments")
  void readsValidDocuments(String json, Object expected) throws IOException {
    assertThat(read(json)).isEqualTo(expected);
  }

  @Test
  void keepsTheKeyOrderOfTheDocument() throws IOException {
    Map<?, ?> map = JSON.read(in("{\"z\":1,\"a\":2,\"m\":3,\"b\":4}"), Map.class);
    assertThat(map).isInstanceOf(LinkedHashMap.class);
    assertThat(new ArrayList<Object>(map.keySet())).containsExactly("z", "a", "m", "b");
  }

  @Test
  void readsThroughASmallBufferAndNeverNeedsTheWholeInput() throws IOException {
    // a document whose error comes before an input that never ends: only a streaming reader answers
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return ' ';
      }
    };
    JsonException e = catchThrowableOfType(JsonException.class,
        () -> JSON.read(new SequenceInputStream(in("[1,]"), endless), Object.class));
    assertThat(e.offset()).isEqualTo(3);

    // one byte per read(), a document longer than the buffer
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 5000; i++) {
      big.append(i == 0 ? "" : ",").append("\"\u00e9").append(i).append('"');
    }
    String doc = big.append(']').toString();
    InputStream trickle = new ByteArrayInputStream(doc.getBytes(UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    List<?> list = JSON.read(trickle, List.class);
    assertThat(list).hasSize(5000);
    assertThat(list.get(4999)).isEqualTo("\u00e94999");
  }

  // ---- refusing invalid documents, with where and what

  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        // json, byte offset, line, column, message part
        Arguments.of("", 0, 1, 1, "expected a value (object, array, string, number, true, false or null) but found the end of input"),
        Arguments.of("   ", 3, 1, 4, "expected a value"),
        Arguments.of("[1,]", 3, 1, 4, "expected a value (object, array, string, number, true, false or null) but found ']'"),
        Arguments.of("[1,,2]", 3, 1, 4, "expected a value"),
        Arguments.of("{\"a\":1,}", 7, 1, 8, "expected a string key after ',' but found '}'"),
        Arguments.of("{,}", 1, 1, 2, "expected a string key or '}' but found ','"),
        Arguments.of("{1:2}", 1, 1, 2, "expected a string key or '}' but found '1'"),
        Arguments.of("{'a':2}", 1, 1, 2, "expected a string key or '}' but found '''"),
        Arguments.of("{\"a\" 1}", 5, 1, 6, "expected ':' after the key but found '1'"),
        Arguments.of("{\"a\":1 \"b\":2}", 7, 1, 8, "expected ',' or '}' after a member of the object but found '\"'"),
        Arguments.of("[1 2]", 3, 1, 4, "expected ',' or ']' after an element of the array but found '2'"),
        Arguments.of("[1", 2, 1, 3, "expected ',' or ']' after an element of the array but found the end of input"),
        Arguments.of("01", 1, 1, 2, "a number may not have leading zeros"),
        Arguments.of("-012", 2, 1, 3, "a number may not have leading zeros"),
        Arguments.of("-", 1, 1, 2, "expected a digit but found the end of input"),
        Arguments.of("-a", 1, 1, 2, "expected a digit but found 'a'"),
        Arguments.of("+1", 0, 1, 1, "expected a value"),
        Arguments.of(".5", 0, 1, 1, "expected a value"),
        Arguments.of("1.", 2, 1, 3, "expected a digit after '.' but found the end of input"),
        Arguments.of("1.e3", 2, 1, 3, "expected a digit after '.' but found 'e'"),
        Arguments.of("1e", 2, 1, 3, "expected a digit in the exponent"),
        Arguments.of("1e+", 3, 1, 4, "expected a digit in the exponent"),
        Arguments.of("0x10", 1, 1, 2, "expected the end of input after the JSON document but found 'x'"),
        Arguments.of("1e9999999999", 0, 1, 1, "number out of range: 1e9999999999"),
        Arguments.of("NaN", 0, 1, 1, "expected a value"),
        Arguments.of("-Infinity", 1, 1, 2, "expected a digit"),
        Arguments.of("tru", 3, 1, 4, "expected 'true' but found the end of input"),
        Arguments.of("nulL", 3, 1, 4, "expected 'null' but found 'L'"),
        Arguments.of("True", 0, 1, 1, "expected a value"),
        Arguments.of("1 2", 2, 1, 3, "expected the end of input after the JSON document but found '2'"),
        Arguments.of("[1]]", 3, 1, 4, "expected the end of input after the JSON document but found ']'"),
        Arguments.of("{\"a\":1}x", 7, 1, 8, "after the JSON document but found 'x'"),
        Arguments.of("// c\n1", 0, 1, 1, "expected a value"),
        Arguments.of("\"abc", 4, 1, 5, "expected '\"' to close the string that starts at byte 0 but found the end of input"),
        Arguments.of("\"a\nb\"", 2, 1, 3, "a control character (U+000A) must be escaped in a string"),
        Arguments.of("\"a\tb\"", 2, 1, 3, "a control character (U+0009) must be escaped"),
        Arguments.of("\"\u0000\"", 1, 1, 2, "a control character (U+0000)"),
        Arguments.of("\"\\x\"", 1, 1, 2, "invalid escape"),
        Arguments.of("\"\\'\"", 1, 1, 2, "invalid escape"),
        Arguments.of("\"\\u12\"", 5, 1, 6, "expected 4 hex digits after \\u but found '\"'"),
        Arguments.of("\"\\u00g0\"", 5, 1, 6, "expected 4 hex digits"),
        Arguments.of("[\n  1,\n  ]", 9, 3, 3, "expected a value"),
        Arguments.of("{\r\n\"a\":\r\n}", 9, 3, 1, "expected a value"),
        Arguments.of("\u00e9", 0, 1, 1, "expected a value (object, array, string, number, true, false or null) but found byte 0xC3"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidDocuments")
  void refusesInvalidDocumentsNamingWhereAndWhat(String json, long offset, long line, long column, String message) {
    assertRefused(json.getBytes(UTF_8), offset, line, column, message);
  }

  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of(bytes('"', 0xC3, 0x28, '"'), 2, "invalid UTF-8: expected a continuation byte but found '('"),
        Arguments.of(bytes('"', 0x80, '"'), 1, "invalid UTF-8: byte 0x80 cannot start a character"),
        Arguments.of(bytes('"', 0xFF, '"'), 1, "byte 0xFF cannot start a character"),
        Arguments.of(bytes('"', 0xF8, 0x88, 0x80, 0x80, 0x80, '"'), 1, "byte 0xF8 cannot start a character"),
        Arguments.of(bytes('"', 0xC0, 0xAF, '"'), 1, "an overlong form"),
        Arguments.of(bytes('"', 0xE0, 0x80, 0xAF, '"'), 1, "an overlong form"),
        Arguments.of(bytes('"', 0xF0, 0x80, 0x80, 0xAF, '"'), 1, "an overlong form"),
        Arguments.of(bytes('"', 0xED, 0xA0, 0x80, '"'), 1, "a surrogate"),
        Arguments.of(bytes('"', 0xF4, 0x90, 0x80, 0x80, '"'), 1, "over U+10FFFF"),
        Arguments.of(bytes('"', 0xE2, 0x82), 3, "expected a continuation byte but found the end of input"),
        Arguments.of(bytes('"', 'a', 0xE2, 0x82, '"'), 4, "expected a continuation byte but found '\"'"),
        Arguments.of(bytes(0xEF, 0xBB, 0x00, '1'), 0, "invalid UTF-8 at the start of the input"));
  }

  @ParameterizedTest(name = "{index}: {2}")
  @MethodSource("invalidUtf8")
  void refusesInvalidUtf8(byte[] json, long offset, String message) {
    assertRefused(json, offset, 1, offset + 1, message);
  }

  @Test
  void nestsUpTo512AndRefusesDeeperWithoutOverflowingTheStack() throws IOException {
    Object value = read("[".repeat(512) + "]".repeat(512));
    for (int i = 1; i < 512; i++) {
      value = ((List<?>) value).get(0);
    }
    assertThat(value).isEqualTo(List.of());

    assertRefused(("[".repeat(513) + "]".repeat(513)).getBytes(UTF_8), 512, 1, 513, "nesting deeper than 512");
    assertRefused("{\"a\":".repeat(600).getBytes(UTF_8), 5 * 512, 1, 5 * 512 + 1, "nesting deeper than 512");
    assertRefused("[".repeat(1_000_000).getBytes(UTF_8), 512, 1, 513, "nesting deeper than 512");
  }

  @Test
  void refusesAnEndlessStringOnceItIsOverTheLimit() {
    InputStream endless = new InputStream() {
      long n;

      @Override
      public int read() {
        return n++ == 0 ? '"' : 'a';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
          b[off + i] = (byte) read();
        }
        return len;
      }
    };
    JsonException e = catchThrowableOfType(JsonException.class, () -> JSON.read(endless, Object.class));
    assertThat(e).hasMessageContaining("string longer than 10000000 characters");
    assertThat(e.offset()).isZero();
  }

  @Test
  void readsNumbersUpTo1000CharactersAndRefusesLonger() throws IOException {
    String digits = "7".repeat(1000);
    assertThat(read(digits)).isEqualTo(new BigInteger(digits));
    assertThat(read("0." + "1".repeat(998))).isEqualTo(new BigDecimal("0." + "1".repeat(998)));
    assertRefused(("[" + digits + "7]").getBytes(UTF_8), 1, 1, 2, "number longer than 1000 characters");
  }

  // ---- target types

  @Test
  void readsTheSupportedTypes() throws IOException {
    Map<?, ?> map = JSON.read(in("{\"a\":[1]}"), Map.class);
    assertThat((Object) map).isEqualTo(Map.of("a", List.of(1L)));
    List<?> list = JSON.read(in("[\"x\"]"), List.class);
    assertThat((Object) list).isEqualTo(List.of("x"));
    assertThat(JSON.read(in("\"x\""), String.class)).isEqualTo("x");
    assertThat(JSON.read(in("true"), Boolean.class)).isTrue();
    assertThat(JSON.read(in("false"), boolean.class)).isFalse();
    assertThat(JSON.read(in("12"), Long.class)).isEqualTo(12L);
    assertThat(JSON.read(in("12"), long.class)).isEqualTo(12L);
    assertThat(JSON.read(in("1e3"), Integer.class)).isEqualTo(1000);
    assertThat(JSON.read(in("-2147483648"), int.class)).isEqualTo(Integer.MIN_VALUE);
    assertThat(JSON.read(in("2.0"), Long.class)).isEqualTo(2L);
    assertThat(JSON.read(in("1e30"), BigInteger.class)).isEqualTo(BigInteger.TEN.pow(30));
    assertThat(JSON.read(in("0.1"), Double.class)).isEqualTo(0.1);
    assertThat(JSON.read(in("3"), double.class)).isEqualTo(3.0);
    assertThat(JSON.read(in("99999999999999999999"), Double.class)).isEqualTo(1e20);
    assertThat(JSON.read(in("3"), BigDecimal.class)).isEqualTo(new BigDecimal(3));
    assertThat(JSON.read(in("99999999999999999999"), BigDecimal.class)).isEqualTo(new BigDecimal("99999999999999999999"));
    assertThat(JSON.read(in("3"), Number.class)).isEqualTo(3L);
    assertThat((Object) JSON.read(in("null"), Map.class)).isNull();
    assertThat(JSON.read(in("null"), Long.class)).isNull();
  }

  @Test
  void refusesAValueTheTypeCannotHold() {
    assertThatThrownBy(() -> JSON.read(in("[1]"), Map.class)).isInstanceOf(JsonException.class)
        .hasMessage("the document is an array, not a java.util.Map");
    assertThatThrownBy(() -> JSON.read(in("{}"), String.class)).hasMessage("the document is an object, not a java.lang.String");
    assertThatThrownBy(() -> JSON.read(in("\"1\""), Long.class)).hasMessage("the document is a string, not a java.lang.Long");
    assertThatThrownBy(() -> JSON.read(in("1"), Boolean.class)).hasMessage("the document is a number, not a java.lang.Boolean");
    assertThatThrownBy(() -> JSON.read(in("true"), List.class)).hasMessage("the document is a boolean, not a java.util.List");
    assertThatThrownBy(() -> JSON.read(in("1.5"), Long.class)).hasMessage("the number 1.5 is not an integer");
    assertThatThrownBy(() -> JSON.read(in("9223372036854775808"), Long.class))
        .hasMessage("the number 9223372036854775808 is out of range for a java.lang.Long");
    assertThatThrownBy(() -> JSON.read(in("2147483648"), int.class)).hasMessage("the number 2147483648 is out of range for a int");
    assertThatThrownBy(() -> JSON.read(in("1e999999999"), Long.class)).hasMessage("the number 1E+999999999 is out of range for an integer");
    assertThatThrownBy(() -> JSON.read(in("1e-999999999"), BigInteger.class)).hasMessage("the number 1E-999999999 is not an integer");
    assertThatThrownBy(() -> JSON.read(in("1e400"), Double.class)).hasMessage("the number 1E+400 is out of range for a double");
    assertThatThrownBy(() -> JSON.read(in("null"), long.class)).hasMessage("the document is null, which a long cannot hold");
  }

  record Reading(String sensor, double celsius) {}

  @Test
  void refusesRecordsAndBeansBeforeReadingNamingTheTypeAndTheWayOut() {
    ByteArrayInputStream in = in("{\"sensor\":\"t1\",\"celsius\":21.5}");
    int available = in.available();
    for (Class<?> type : List.of(Reading.class, HashMap.class, ArrayList.class, Float.class, char[].class)) {
      assertThatThrownBy(() -> JSON.read(in, type))
          .isInstanceOf(JsonException.class)
          .hasMessageStartingWith("the minimal JSON codec cannot read a " + type.getName() + ";")
          .hasMessageContaining("plug a full codec (a JsonCodec over Jackson or Gson) for records and beans");
    }
    assertThat(in.available()).isEqualTo(available);
  }

  // ---- writing

  enum Unit { CELSIUS, KELVIN }

  record Sample(String sensor, Unit unit, List<Double> values, Optional<String> note, Map<Unit, Integer> limits) {}

  @Test
  void writesTheSupportedTypes() throws IOException {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("s", "text");
    map.put("sb", new StringBuilder("built"));
    map.put("n", null);
    map.put("t", true);
    map.put(1, (byte) 1);
    map.put(Unit.KELVIN, Unit.CELSIUS);
    map.put("ints", new int[] {1, -2});
    map.put("bytes", new byte[] {-1, 0});
    map.put("strings", new String[] {"a", null});
    map.put("set", new LinkedHashSet<>(List.of(3L, 4L)));
    map.put("empty", List.of());
    map.put("emptyMap", Map.of());
    map.put("opt", Optional.of(5));
    map.put("none", Optional.empty());
    assertThat(write(map)).isEqualTo("{\"s\":\"text\",\"sb\":\"built\",\"n\":null,\"t\":true,\"1\":1,\"KELVIN\":\"CELSIUS\","
        + "\"ints\":[1,-2],\"bytes\":[-1,0],\"strings\":[\"a\",null],\"set\":[3,4],\"empty\":[],\"emptyMap\":{},"
        + "\"opt\":5,\"none\":null}");

    assertThat(write(List.of((short) 1, 2, 3L, new AtomicLong(4), new BigInteger("123456789012345678901234567890"),
        new BigDecimal("1.50"), new BigDecimal("1E+3"), 0.1f, 0.1, -0.0, 1e300, Double.MIN_VALUE)))
        .isEqualTo("[1,2,3,4,123456789012345678901234567890,1.50,1E+3,0.1,0.1,-0.0,1.0E300,4.9E-324]");

    Sample sample = new Sample("t1", Unit.CELSIUS, List.of(21.5, 22.0), Optional.empty(), Map.of(Unit.KELVIN, 400));
    assertThat(write(sample)).isEqualTo(
        "{\"sensor\":\"t1\",\"unit\":\"CELSIUS\",\"values\":[21.5,22.0],\"note\":null,\"limits\":{\"KELVIN\":400}}");
    assertThat(write(null)).isEqualTo("null");
    assertThat(write("")).isEqualTo("\"\"");
  }

  @Test
  void escapesQuotesBackslashesControlsLineSeparatorsAndLoneSurrogates() throws IOException {
    String s = "\"\\/\u0000\u0001\n\r\t\u001f \u007f\u00e9\u20ac\u2028\u2029\ud83d\ude00\ud800x\udc00";
    String expected = "\"\\\"\\\\/\\u0000\\u0001\\u000A\\u000D\\u0009\\u001F \u007f\u00e9\u20ac\\u2028\\u2029\ud83d\ude00"
        + "\\uD800x\\uDC00\"";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.write(s, out);
    assertThat(out.toByteArray()).isEqualTo(expected.getBytes(UTF_8));
    assertThat(read(out.toString(UTF_8))).isEqualTo(s);
  }

  @Test
  void refusesNaNAndInfinity() {
    assertThatThrownBy(() -> write(Double.NaN)).isInstanceOf(JsonException.class)
        .hasMessage("cannot write the Double NaN: JSON has no NaN or infinity");
    assertThatThrownBy(() -> write(List.of(1, Float.NEGATIVE_INFINITY)))
        .hasMessage("cannot write the Float -Infinity: JSON has no NaN or infinity");
    assertThatThrownBy(() -> write(Map.of("x", Double.POSITIVE_INFINITY))).hasMessageContaining("Double Infinity");
  }

  @Test
  void refusesOtherTypesNamingTheClass() {
    assertThatThrownBy(() -> write(new Object())).isInstanceOf(JsonException.class)
        .hasMessageStartingWith("cannot write a java.lang.Object as JSON: the minimal codec writes maps,")
        .hasMessageEndingWith("plug a full codec (a JsonCodec over Jackson or Gson) for other types");
    assertThatThrownBy(() -> write(List.of('c'))).hasMessageStartingWith("cannot write a java.lang.Character as JSON");
    assertThatThrownBy(() -> write(Map.of("when", java.time.Instant.EPOCH)))
        .hasMessageStartingWith("cannot write a java.time.Instant as JSON");
    assertThatThrownBy(() -> write(new java.util.concurrent.atomic.DoubleAdder()))
        .hasMessageStartingWith("cannot write a java.util.concurrent.atomic.DoubleAdder as JSON: the minimal codec writes Byte,");
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, 1);
    assertThatThrownBy(() -> write(nullKey)).hasMessage("cannot write a null key of a java.util.HashMap: JSON keys are strings");
  }

  @Test
  void refusesACycleInsteadOfOverflowingTheStack() {
    List<Object> list = new ArrayList<>();
    list.add(list);
    assertThatThrownBy(() -> write(list)).isInstanceOf(JsonException.class)
        .hasMessage("cannot write a java.util.ArrayList nested deeper than 512 arrays and objects (does it contain itself?)");
  }

  @Test
  void flushesButNeverClosesTheStream() throws IOException {
    boolean[] closed = {false};
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    JSON.write(List.of("x".repeat(20_000)), out);
    assertThat(out.size()).isEqualTo(20_004);
    assertThat(closed[0]).isFalse();
  }

  // ---- round trips and fuzz

  @Test
  void generatedValuesRoundTrip() throws IOException {
    Random random = new Random(20240613);
    for (int i = 0; i < 2000; i++) {
      Object value = generate(random, 0);
      String json = write(value);
      assertThat(read(json)).as(json).isEqualTo(value);
      assertThat(write(read(json))).isEqualTo(json);
    }
  }

  @Test
  void randomBytesOnlyEverThrowJsonException() throws IOException {
    Random random = new Random(42);
    byte[] alphabet = "{}[],:\"\\/ntrufalse0123456789-+.eEbu \t\r\n".getBytes(UTF_8);
    int accepted = 0;
    for (int i = 0; i < 50_000; i++) {
      byte[] input = new byte[random.nextInt(24)];
      for (int j = 0; j < input.length; j++) {
        input[j] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
      }
      accepted += parsesOrThrowsJsonException(input) ? 1 : 0;
    }
    for (int i = 0; i < 10_000; i++) {
      byte[] input = mutate(random, utf8(write(generate(random, 0))));
      accepted += parsesOrThrowsJsonException(input) ? 1 : 0;
    }
    assertThat(accepted).isPositive();
  }

  /** True when the input parsed; then its JSON text, read and written again, stays the same. */
  private static boolean parsesOrThrowsJsonException(byte[] input) {
    Object value;
    try {
      value = JSON.read(new ByteArrayInputStream(input), Object.class);
    } catch (JsonException e) {
      if (e.offset() < 0 || e.offset() > input.length) {
        throw new AssertionError("input " + Arrays.toString(input) + ": offset " + e.offset() + " outside it", e);
      }
      return false;
    } catch (Throwable t) {
      throw new AssertionError("input " + Arrays.toString(input) + " threw " + t, t);
    }
    try {
      String once = write(value); // not value itself: 9E0 reads as a BigDecimal and writes as 9, a Long
      assertThat(write(read(once))).isEqualTo(once);
    } catch (IOException e) {
      throw new AssertionError("input " + Arrays.toString(input) + " read but did not round-trip", e);
    }
    return true;
  }

  static byte[] mutate(Random random, byte[] input) {
    byte[] out = input.clone();
    for (int n = 1 + random.nextInt(3); n > 0 && out.length > 0; n--) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(3)) {
        case 0 -> out[at] = (byte) random.nextInt(256);
        case 1 -> out = concat(Arrays.copyOf(out, at), Arrays.copyOfRange(out, at + 1, out.length));
        default -> out = concat(Arrays.copyOf(out, at), new byte[] {(byte) "{}[],:\"\\0-.e ".charAt(random.nextInt(13))},
            Arrays.copyOfRange(out, at, out.length));
      }
    }
    return out;
  }

  /** A random value of what the minimal codec reads: it reads back equal to itself. */
  static Object generate(Random random, int depth) {
    switch (random.nextInt(depth > 3 ? 6 : 8)) {
      case 0:
        return random.nextInt(5) == 0 ? null : random.nextBoolean();
      case 1:
        return random.nextLong() >> random.nextInt(64);
      case 2: {
        BigInteger big = new BigInteger(65 + random.nextInt(100), random).setBit(64); // beyond long either sign
        return random.nextBoolean() ? big : big.negate();
      }
      case 3: {
        int scale;
        do {
          scale = random.nextInt(61) - 30;
        } while (scale == 0); // a scale of 0 reads back as an integer
        return new BigDecimal(new BigInteger(random.nextInt(90), random), scale).multiply(
            BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
      }
      case 4, 5:
        return randomString(random);
      case 6: {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          list.add(generate(random, depth + 1));
        }
        return list;
      }
      default: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          map.put(randomString(random), generate(random, depth + 1));
        }
        return map;
      }
    }
  }

  static String randomString(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      switch (random.nextInt(8)) {
        case 0 -> s.append((char) random.nextInt(0x20));
        case 1 -> s.append("\"\\/\u2028\u2029\u007f".charAt(random.nextInt(6)));
        case 2 -> s.append((char) (0x80 + random.nextInt(0x780)));
        case 3 -> s.append((char) random.nextInt(0x10000)); // lone surrogates too
        case 4 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
        default -> s.append((char) (0x20 + random.nextInt(0x5f)));
      }
    }
    return s.toString();
  }

  // ---- helpers

  private static void assertRefused(byte[] json, long offset, long line, long column, String message) {
    JsonException e = catchThrowableOfType(JsonException.class, () -> JSON.read(new ByteArrayInputStream(json), Object.class));
    assertThat(e).as("no JsonException for %s", new String(json, UTF_8)).isNotNull();
    assertThat(e.getMessage()).startsWith("JSON error at line " + line + ", column " + column + " (byte " + offset + "): ")
        .contains(message);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
  }

  static Object read(String json) throws IOException {
    return JSON.read(in(json), Object.class);
  }

  static String write(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.write(value, out);
    return out.toString(UTF_8);
  }

  static ByteArrayInputStream in(String json) {
    return new ByteArrayInputStream(json.getBytes(UTF_8));
  }

  static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
