package dev.espat.grammar;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Device side of §1: turns one received command line into an {@link AtCommand}, or rejects it with
 * the {@link CommandSyntaxException} whose error code the firmware would print.
 *
 * <pre>{@code
 * AtCommand cmd = CommandParser.parse("AT+CWJAP=\"my\\,ssid\",\"pwd\"\r\n".getBytes(UTF_8));
 * cmd.name();      // "+CWJAP"
 * cmd.string(1);   // "my,ssid"
 * }</pre>
 *
 * <p>What it checks, in the firmware's order: the length (P-02), the CR LF terminator (P-01), the
 * upper-case {@code AT} prefix (P-03), the command's form (P-06), then it splits the fields (P-07,
 * P-08). Fields are not typed here: a command reads each as a string or an integer, and a field
 * that cannot be read that way fails then, with its index (P-09), as on the device.
 */
public final class CommandParser {

  private CommandParser() {}

  /** Parses a whole line, CR LF included. */
  public static AtCommand parse(byte[] line) {
    return parse(line, 0, line.length);
  }

  /** Parses {@code length} bytes of {@code buffer} from {@code offset}: one line, CR LF included. */
  public static AtCommand parse(byte[] buffer, int offset, int length) {
    if (length > AtLimits.MAX_COMMAND_LINE) {
      throw new LineTooLongException(length);
    }
    int end = offset + length;
    if (length == 0 || buffer[end - 1] != '\n') {
      throw new MissingTerminatorException("has no LF at its end");
    }
    if (length == 1 || buffer[end - 2] != '\r') {
      throw new MissingTerminatorException("ends with LF but no CR before it");
    }
    end -= 2;
    checkPrefix(buffer, offset, end);
    return parseCommand(buffer, offset + 2, end);
  }

  private static void checkPrefix(byte[] b, int from, int end) {
    if (end - from < 2 || !isLetter(b[from], 'A') || !isLetter(b[from + 1], 'T')) {
      throw new MissingPrefixException("command line does not start with AT (P-03)");
    }
    if (b[from] != 'A' || b[from + 1] != 'T') {
      throw new MissingPrefixException(
          "command line starts with '" + (char) b[from] + (char) b[from + 1] + "'; the AT prefix must be upper case (P-03)");
    }
  }

  private static boolean isLetter(byte b, char upper) {
    return b == upper || b == Character.toLowerCase(upper);
  }

  private static AtCommand parseCommand(byte[] b, int from, int end) {
    int nameEnd = from;
    while (nameEnd < end && b[nameEnd] != '=' && b[nameEnd] != '?') {
      nameEnd++;
    }
    String name = commandName(b, from, nameEnd);
    if (nameEnd == end) {
      return new AtCommand(name, CommandType.EXECUTE, List.of());
    }
    if (b[nameEnd] == '?') {
      if (nameEnd + 1 != end) {
        throw new MalformedCommandException("AT" + name + "? is followed by more text; a query ends at '?' (P-06)");
      }
      return new AtCommand(name, CommandType.QUERY, List.of());
    }
    // b[nameEnd] == '='
    if (nameEnd + 2 == end && b[nameEnd + 1] == '?') {
      return new AtCommand(name, CommandType.TEST, List.of());
    }
    return new AtCommand(name, CommandType.SET, splitFields(b, nameEnd + 1, end));
  }

  private static String commandName(byte[] b, int from, int end) {
    boolean extended = from < end && b[from] == '+';
    int start = extended ? from + 1 : from;
    if (extended && start == end) {
      throw new MalformedCommandException("AT+ is not followed by a command name (P-06)");
    }
    StringBuilder name = new StringBuilder(end - from);
    if (extended) {
      name.append('+');
    }
    for (int i = start; i < end; i++) {
      int c = b[i] & 0xFF;
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || (extended ? c == '_' : c == '&');
      if (!ok) {
        throw new MalformedCommandException(
            "command name has " + printable(c) + " at position " + (i - from + 1) + "; no command has such a name (P-06)");
      }
      name.append(Character.toUpperCase((char) c));
    }
    return name.toString();
  }

  private static String printable(int c) {
    return c >= 0x21 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
  }

  /** P-07: an unescaped comma always splits, even between quotes. */
  private static List<Parameter> splitFields(byte[] b, int from, int end) {
    List<Parameter> fields = new ArrayList<>();
    int start = from;
    for (int i = from; i < end; i++) {
      if (b[i] == '\\') {
        i++; // the escaped byte never splits
      } else if (b[i] == ',') {
        fields.add(field(b, start, i));
        start = i + 1;
      }
    }
    fields.add(field(b, start, end));
    return fields;
  }

  /** Classifies one raw field and resolves its escapes ({@code \x} gives {@code x}). */
  private static Parameter field(byte[] b, int from, int end) {
    if (from == end) {
      return Parameter.omitted();
    }
    ByteArrayOutputStream content = new ByteArrayOutputStream(end - from);
    int unescapedQuotes = 0;
    boolean quotedStart = b[from] == '"';
    boolean quotedEnd = false;
    for (int i = from; i < end; i++) {
      byte c = b[i];
      quotedEnd = false;
      if (c == '\\') {
        if (i + 1 == end) {
          return malformed(b, from, end, "ends with a lone backslash");
        }
        content.write(b[++i]);
      } else {
        if (c == '"') {
          unescapedQuotes++;
          quotedEnd = i > from;
        }
        content.write(c);
      }
    }
    if (!quotedStart) {
      return unescapedQuotes == 0
          ? new Parameter.Bare(content.toByteArray())
          : malformed(b, from, end, "has a double quote but does not start with one");
    }
    if (!quotedEnd) {
      return malformed(b, from, end, "opens a string with a double quote but does not close it");
    }
    if (unescapedQuotes > 2) {
      return malformed(b, from, end, "has a double quote inside the string; write it as \\\"");
    }
    byte[] all = content.toByteArray();
    byte[] inner = new byte[all.length - 2];
    System.arraycopy(all, 1, inner, 0, inner.length);
    return new Parameter.Quoted(inner);
  }

  private static Parameter malformed(byte[] b, int from, int end, String problem) {
    byte[] raw = new byte[end - from];
    System.arraycopy(b, from, raw, 0, raw.length);
    return new Parameter.Malformed(raw, problem);
  }
}
