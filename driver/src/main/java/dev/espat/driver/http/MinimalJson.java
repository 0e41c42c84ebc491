package dev.espat.driver.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@link JsonCodec#minimal()}: {@link JsonReader}, {@link JsonWriter} and the few target types. */
final class MinimalJson implements JsonCodec {
  static final MinimalJson INSTANCE = new MinimalJson();

  private static final Set<Class<?>> TYPES = Set.of(Object.class, Map.class, List.class, String.class,
      Boolean.class, Number.class, Long.class, Integer.class, Double.class, BigInteger.class, BigDecimal.class,
      boolean.class, long.class, int.class, double.class);
  private static final Set<Class<?>> NUMBERS = Set.of(Long.class, Integer.class, Double.class, BigInteger.class,
      BigDecimal.class, long.class, int.class, double.class);

  private MinimalJson() {
  }

  @Override
  public void write(Object value, OutputStream out) throws IOException {
    new JsonWriter(Objects.requireNonNull(out, "out")).writeDocument(value);
  }

  @Override
  @SuppressWarnings("unchecked") // checked by convert; a primitive type's T is its wrapper
  public <T> T read(InputStream in, Class<T> type) throws IOException {
    Objects.requireNonNull(in, "in");
    if (!TYPES.contains(Objects.requireNonNull(type, "type"))) {
      throw new JsonException("the minimal JSON codec cannot read a " + type.getName() + "; it reads Object, Map,"
          + " List, String, Boolean, Number, Long, Integer, Double, BigInteger and BigDecimal: plug a full codec"
          + " (a JsonCodec over Jackson or Gson) for records and beans");
    }
    return (T) convert(new JsonReader(in).readDocument(), type);
  }

  @Override
  public String toString() {
    return "JsonCodec.minimal()";
  }

  private static Object convert(Object value, Class<?> type) throws JsonException {
    if (value == null) {
      if (type.isPrimitive()) {
        throw new JsonException("the document is null, which a " + type.getName() + " cannot hold");
      }
      return null;
    }
    if (type == Object.class
        || type == Map.class && value instanceof Map
        || type == List.class && value instanceof List
        || type == String.class && value instanceof String
        || (type == Boolean.class || type == boolean.class) && value instanceof Boolean
        || type == Number.class && value instanceof Number) {
      return value;
    }
    if (value instanceof Number number && NUMBERS.contains(type)) {
      if (type == Double.class || type == double.class) {
        double d = number.doubleValue();
        if (Double.isInfinite(d)) {
          throw new JsonException("the number " + number + " is out of range for a double");
        }
        return d;
      }
      if (type == BigDecimal.class) {
        return number instanceof BigDecimal d ? d
            : number instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(number.longValue());
      }
      BigInteger integer = integral(number);
      if (type == BigInteger.class) {
        return integer;
      }
      if ((type == Long.class || type == long.class) && integer.bitLength() < 64) {
        return integer.longValue();
      }
      if ((type == Integer.class || type == int.class) && integer.bitLength() < 32) {
        return integer.intValue();
      }
      throw new JsonException("the number " + number + " is out of range for a " + type.getName());
    }
    throw new JsonException("the document is " + kind(value) + ", not a " + type.getName());
  }

  /** The number as an integer, refused when it has a fraction (1.5) rather than rounded. */
  private static BigInteger integral(Number number) throws JsonException {
    if (number instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    if (number instanceof BigInteger i) {
      return i;
    }
    BigDecimal d = (BigDecimal) number;
    if (d.signum() == 0) {
      return BigInteger.ZERO;
    }
    // bounded before any arithmetic: 1e999999999 has a billion digits as an integer
    if (d.precision() - d.scale() > JsonReader.MAX_NUMBER_CHARS) {
      throw new JsonException("the number " + d + " is out of range for an integer");
    }
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() > 0) {
      throw new JsonException("the number " + d + " is not an integer");
    }
    return stripped.toBigInteger();
  }

  private static String kind(Object value) {
    return value instanceof Map ? "an object"
        : value instanceof List ? "an array"
        : value instanceof String ? "a string"
        : value instanceof Boolean ? "a boolean" : "a number";
  }
}
