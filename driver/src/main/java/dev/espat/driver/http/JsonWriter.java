package dev.espat.driver.http;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one value as compact UTF-8 JSON through a fixed buffer (see {@link JsonCodec#minimal()}
 * for the types it takes). Not thread-safe; one instance writes one document.
 */
final class JsonWriter {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final byte[] buf = new byte[8192];
  private int pos;

  JsonWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes the value and flushes it to the stream. */
  void writeDocument(Object value) throws IOException {
    writeValue(value, 0);
    drain();
    out.flush();
  }

  private void writeValue(Object value, int depth) throws IOException {
    if (value == null) {
      ascii("null");
    } else if (value instanceof Optional<?> optional) {
      writeValue(optional.orElse(null), depth);
    } else if (value instanceof CharSequence text) {
      string(text);
    } else if (value instanceof Boolean b) {
      ascii(b.toString());
    } else if (value instanceof Number number) {
      number(number);
    } else if (value instanceof Enum<?> e) {
      string(e.name());
    } else if (value instanceof Map<?, ?> map) {
      checkDepth(depth + 1, value);
      byte separator = '{';
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        put(separator);
        separator = ',';
        string(key(entry.getKey(), value));
        put((byte) ':');
        writeValue(entry.getValue(), depth + 1);
      }
      closeContainer(separator, '}');
    } else if (value instanceof Iterable<?> iterable) {
      checkDepth(depth + 1, value);
      byte separator = '[';
      for (Object element : iterable) {
        put(separator);
        separator = ',';
        writeValue(element, depth + 1);
      }
      closeContainer(separator, ']');
    } else if (value.getClass().isArray()) {
      checkDepth(depth + 1, value);
      put((byte) '[');
      for (int i = 0, n = Array.getLength(value); i < n; i++) {
        if (i > 0) {
          put((byte) ',');
        }
        writeValue(Array.get(value, i), depth + 1);
      }
      put((byte) ']');
    } else if (value instanceof Record) {
      checkDepth(depth + 1, value);
      byte separator = '{';
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        put(separator);
        separator = ',';
        string(component.getName());
        put((byte) ':');
        writeValue(component(value, component), depth + 1);
      }
      closeContainer(separator, '}');
    } else {
      throw new JsonException("cannot write a " + value.getClass().getName() + " as JSON: the minimal codec writes"
          + " maps, iterables, arrays, strings, numbers, booleans, null, Optional, enums and records;"
          + " plug a full codec (a JsonCodec over Jackson or Gson) for other types");
    }
  }

  /** Closes an object or array whose separator is still the opening byte when it had no member. */
  private void closeContainer(byte separator, char close) throws IOException {
    if (separator != ',') {
      put(separator);
    }
    put((byte) close);
  }

  private static String key(Object key, Object map) throws JsonException {
    if (key == null) {
      throw new JsonException("cannot write a null key of a " + map.getClass().getName() + ": JSON keys are strings");
    }
    return key instanceof Enum<?> e ? e.name() : key.toString();
  }

  private static Object component(Object record, RecordComponent component) throws JsonException {
    Method accessor = component.getAccessor();
    try {
      accessor.trySetAccessible(); // a record that is not public; works where its package is open to us
      return accessor.invoke(record);
    } catch (IllegalAccessException e) {
      throw new JsonException("cannot read component " + component.getName() + " of record "
          + record.getClass().getName() + ": make the record public or open its package", e);
    } catch (InvocationTargetException e) {
      throw new JsonException("component " + component.getName() + " of record " + record.getClass().getName()
          + " threw " + e.getCause(), e.getCause());
    }
  }

  private static void checkDepth(int depth, Object value) throws JsonException {
    if (depth > JsonReader.MAX_DEPTH) {
      throw new JsonException("cannot write a " + value.getClass().getName() + " nested deeper than "
          + JsonReader.MAX_DEPTH + " arrays and objects (does it contain itself?)");
    }
  }

  private void number(Number number) throws IOException {
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (!Double.isFinite(d)) {
        throw new JsonException("cannot write the " + number.getClass().getSimpleName() + " " + number
            + ": JSON has no NaN or infinity");
      }
      ascii(number.toString()); // Float's own toString, so 0.1f is 0.1
    } else if (number instanceof Integer || number instanceof Long || number instanceof Short
        || number instanceof Byte || number instanceof BigInteger || number instanceof BigDecimal
        || number instanceof AtomicInteger || number instanceof AtomicLong) {
      ascii(number.toString()); // BigDecimal's 1E+3 is valid JSON
    } else {
      throw new JsonException("cannot write a " + number.getClass().getName() + " as JSON: the minimal codec writes"
          + " Byte, Short, Integer, Long, AtomicInteger, AtomicLong, BigInteger, BigDecimal, Float and Double;"
          + " plug a full codec for other numbers");
    }
  }

  private void string(CharSequence s) throws IOException {
    put((byte) '"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        put((byte) '\\');
        put((byte) c);
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        escape(c);
      } else if (c < 0x80) {
        put((byte) c);
      } else if (c < 0x800) {
        put((byte) (0xC0 | c >> 6));
        put((byte) (0x80 | c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        put((byte) (0xF0 | cp >> 18));
        put((byte) (0x80 | cp >> 12 & 0x3F));
        put((byte) (0x80 | cp >> 6 & 0x3F));
        put((byte) (0x80 | cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        escape(c); // a lone surrogate has no UTF-8 form; escaped, it reads back as the same String
      } else {
        put((byte) (0xE0 | c >> 12));
        put((byte) (0x80 | c >> 6 & 0x3F));
        put((byte) (0x80 | c & 0x3F));
      }
    }
    put((byte) '"');
  }

  private void escape(char c) throws IOException {
    put((byte) '\\');
    put((byte) 'u');
    put(HEX[c >> 12]);
    put(HEX[c >> 8 & 0xF]);
    put(HEX[c >> 4 & 0xF]);
    put(HEX[c & 0xF]);
  }

  private void ascii(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      put((byte) s.charAt(i));
    }
  }

  private void put(byte b) throws IOException {
    if (pos == buf.length) {
      drain();
    }
    buf[pos++] = b;
  }

  private void drain() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }
}
