package dev.espat.grammar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One comma-separated field of a set command (P-07, P-08), with escapes already resolved.
 *
 * <ul>
 *   <li>{@link Omitted}: an empty field ({@code ,,}); the command's default applies.
 *   <li>{@link Quoted}: a string in double quotes, {@code "espressif"}.
 *   <li>{@link Bare}: anything unquoted; integers are written this way ({@code 2048}, {@code -1},
 *       {@code 0x1F}).
 *   <li>{@link Malformed}: a field the parser could not read (an unclosed quote, a lone trailing
 *       backslash); reading it raises {@link ParameterException} with its index, as the firmware
 *       does when a command reads such a parameter.
 * </ul>
 *
 * <pre>{@code
 * AtCommand.set("+CWJAP", Parameter.string("my ssid"), Parameter.string("p\"w,d"));
 * AtCommand.set("+HTTPCGET", Parameter.string(url), Parameter.integer(2048), Parameter.omitted());
 * }</pre>
 */
public sealed interface Parameter {

  /** The empty field. */
  static Parameter omitted() {
    return Omitted.INSTANCE;
  }

  /** A quoted string, sent as UTF-8. */
  static Parameter string(String text) {
    return new Quoted(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A quoted string of raw bytes. */
  static Parameter string(byte[] bytes) {
    return new Quoted(bytes);
  }

  /** An integer, written in decimal. */
  static Parameter integer(long value) {
    return new Bare(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
  }

  /** The empty field: {@code ,,}. */
  record Omitted() implements Parameter {
    static final Omitted INSTANCE = new Omitted();

    @Override
    public String toString() {
      return "(omitted)";
    }
  }

  /**
   * A string that was written in double quotes, quotes removed and escapes resolved.
   *
   * @param bytes the string's bytes (usually UTF-8)
   */
  record Quoted(byte[] bytes) implements Parameter {
    public Quoted {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The string decoded as UTF-8 (invalid sequences become U+FFFD). */
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Quoted q && Arrays.equals(bytes, q.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return '"' + text() + '"';
    }
  }

  /**
   * A field written without quotes, escapes resolved: integers and bare words.
   *
   * @param bytes the field's bytes
   */
  record Bare(byte[] bytes) implements Parameter {
    public Bare {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The field as text (ASCII for integers; other bytes decoded as UTF-8). */
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bare b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /**
   * A field that could not be read.
   *
   * @param raw the field's bytes as received, escapes included
   * @param problem what is wrong with it, for the error message
   */
  record Malformed(byte[] raw, String problem) implements Parameter {
    public Malformed {
      raw = raw.clone();
    }

    @Override
    public byte[] raw() {
      return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Malformed m && Arrays.equals(raw, m.raw) && problem.equals(m.problem);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(raw) * 31 + problem.hashCode();
    }

    @Override
    public String toString() {
      return "(malformed: " + problem + ")";
    }
  }
}
