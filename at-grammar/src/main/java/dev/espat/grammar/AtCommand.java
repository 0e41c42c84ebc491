package dev.espat.grammar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One AT command: its name, its {@link CommandType} and, for set commands, its parameters.
 *
 * <p>The name is the text after {@code AT}, upper-cased (P-03): {@code ""} for {@code AT},
 * {@code "E0"} for {@code ATE0}, {@code "+HTTPCGET"} for {@code AT+httpcget}. Parameters are
 * numbered from 1, as the firmware numbers them in its error codes (P-09), so that
 * {@code command.integer(2, 0, 10240)} failing yields {@code ERR CODE:0x01080002}.
 *
 * <pre>{@code
 * // host side: build and encode, escaping done once, here
 * byte[] line = AtCommand.set("+CWJAP", Parameter.string("espressif"), Parameter.string("1234567890")).encode();
 *
 * // device side: parse and read typed parameters
 * AtCommand cmd = CommandParser.parse("AT+HTTPCGET=\"http://h/\",2048\r\n".getBytes(US_ASCII));
 * String url = cmd.string(1);
 * int rx = cmd.optionalInteger(3).orElse(2048);
 * }</pre>
 *
 * @param name the upper-case name after {@code AT}
 * @param type the command's form
 * @param parameters the fields of a set command; empty for the other forms
 */
public record AtCommand(String name, CommandType type, List<Parameter> parameters) {

  private static final Pattern EXTENDED_NAME = Pattern.compile("\\+[A-Z0-9_]+");
  private static final Pattern BASIC_NAME = Pattern.compile("[A-Z0-9&]*");

  public AtCommand {
    if (!EXTENDED_NAME.matcher(name).matches() && !BASIC_NAME.matcher(name).matches()) {
      throw new MalformedCommandException(
          "command name '" + name + "' is neither a basic name (letters, digits) nor '+' and a name (P-06)");
    }
    parameters = List.copyOf(parameters);
    if ((type == CommandType.SET) == parameters.isEmpty()) {
      throw new MalformedCommandException(
          type == CommandType.SET
              ? "a set command needs at least one parameter field (P-06)"
              : "only a set command carries parameters, not a " + type.name().toLowerCase(Locale.ROOT) + " command (P-06)");
    }
  }

  /** {@code AT<name>}, for example {@code execute("+GMR")} or {@code execute("")} for {@code AT}. */
  public static AtCommand execute(String name) {
    return new AtCommand(canonical(name), CommandType.EXECUTE, List.of());
  }

  /** {@code AT<name>?}. */
  public static AtCommand query(String name) {
    return new AtCommand(canonical(name), CommandType.QUERY, List.of());
  }

  /** {@code AT<name>=?}. */
  public static AtCommand test(String name) {
    return new AtCommand(canonical(name), CommandType.TEST, List.of());
  }

  /** {@code AT<name>=<p1>,<p2>,...}. */
  public static AtCommand set(String name, Parameter... parameters) {
    return new AtCommand(canonical(name), CommandType.SET, List.of(parameters));
  }

  /** {@code AT<name>=<p1>,<p2>,...}. */
  public static AtCommand set(String name, List<Parameter> parameters) {
    return new AtCommand(canonical(name), CommandType.SET, parameters);
  }

  private static String canonical(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  /**
   * The command line with CR LF, escaped, as the host sends it.
   *
   * @throws UnencodableParameterException if a parameter holds CR, LF or NUL
   * @throws LineTooLongException if the line would exceed {@link AtLimits#MAX_COMMAND_LINE}
   */
  public byte[] encode() {
    return CommandFormatter.encode(this);
  }

  /** The command line as text without CR LF, for messages and traces. */
  @Override
  public String toString() {
    return CommandFormatter.text(this);
  }

  /** How many fields a set command has; {@code AT+X=} has one, omitted. */
  public int parameterCount() {
    return parameters.size();
  }

  /**
   * Checks the number of fields (P-09, sub-category 0x06).
   *
   * @throws ParameterCountException if there are fewer than {@code min} or more than {@code max}
   */
  public void requireParameterCount(int min, int max) {
    if (parameters.size() < min || parameters.size() > max) {
      throw new ParameterCountException(name, parameters.size(), min, max);
    }
  }

  /** The field at a 1-based index, or {@link Parameter.Omitted} past the last one. */
  public Parameter parameter(int index) {
    if (index < 1) {
      throw new IllegalArgumentException("parameters are numbered from 1, got " + index);
    }
    return index <= parameters.size() ? parameters.get(index - 1) : Parameter.omitted();
  }

  /** Whether the field at a 1-based index is empty or absent. */
  public boolean isOmitted(int index) {
    return parameter(index) instanceof Parameter.Omitted;
  }

  /**
   * The quoted string at a 1-based index, decoded as UTF-8.
   *
   * @throws ParameterException if it is absent, empty, unquoted or malformed
   */
  public String string(int index) {
    return new String(stringBytes(index), StandardCharsets.UTF_8);
  }

  /** Like {@link #string(int)} but keeps the bytes as sent. */
  public byte[] stringBytes(int index) {
    return switch (parameter(index)) {
      case Parameter.Quoted q -> q.bytes();
      case Parameter.Omitted o -> throw new ParameterException(index, "is required but empty");
      case Parameter.Bare b -> throw new ParameterException(index, "must be a string in double quotes");
      case Parameter.Malformed m -> throw new ParameterException(index, m.problem());
    };
  }

  /** The quoted string at a 1-based index, or empty when the field is omitted. */
  public Optional<String> optionalString(int index) {
    return isOmitted(index) ? Optional.empty() : Optional.of(string(index));
  }

  /**
   * The integer at a 1-based index: decimal, optionally negative, or {@code 0x} hex (P-08).
   *
   * @throws ParameterException if it is absent, empty, quoted, not an integer or not 32-bit
   */
  public int integer(int index) {
    return switch (parameter(index)) {
      case Parameter.Bare b -> IntegerSyntax.parse(index, b.bytes());
      case Parameter.Omitted o -> throw new ParameterException(index, "is required but empty");
      case Parameter.Quoted q -> throw new ParameterException(index, "must be an integer, not a quoted string");
      case Parameter.Malformed m -> throw new ParameterException(index, m.problem());
    };
  }

  /**
   * The integer at a 1-based index, checked against an inclusive range.
   *
   * @throws ParameterException if it cannot be read or lies outside {@code min..max}
   */
  public int integer(int index, int min, int max) {
    int value = integer(index);
    if (value < min || value > max) {
      throw new ParameterException(index, "is " + value + ", outside " + min + ".." + max);
    }
    return value;
  }

  /** The integer at a 1-based index, or empty when the field is omitted. */
  public OptionalInt optionalInteger(int index) {
    return isOmitted(index) ? OptionalInt.empty() : OptionalInt.of(integer(index));
  }

  /** The integer at a 1-based index checked against a range, or empty when omitted. */
  public OptionalInt optionalInteger(int index, int min, int max) {
    return isOmitted(index) ? OptionalInt.empty() : OptionalInt.of(integer(index, min, max));
  }
}
