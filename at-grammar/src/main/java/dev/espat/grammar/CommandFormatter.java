package dev.espat.grammar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Host side of P-07: writes a command line, escaping {@code \}, {@code "} and {@code ,} inside
 * every field so that any value round-trips through {@link CommandParser}.
 */
final class CommandFormatter {
  private static final byte[] CRLF = {'\r', '\n'};

  private CommandFormatter() {}

  static byte[] encode(AtCommand command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    writeBody(command, out, true);
    out.writeBytes(CRLF);
    if (out.size() > AtLimits.MAX_COMMAND_LINE) {
      throw new LineTooLongException(out.size());
    }
    return out.toByteArray();
  }

  /** The line without CR LF; values that could not be sent are shown escaped rather than refused. */
  static String text(AtCommand command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    writeBody(command, out, false);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void writeBody(AtCommand command, ByteArrayOutputStream out, boolean strict) {
    out.writeBytes(("AT" + command.name()).getBytes(StandardCharsets.US_ASCII));
    switch (command.type()) {
      case EXECUTE -> {}
      case QUERY -> out.write('?');
      case TEST -> out.writeBytes(new byte[] {'=', '?'});
      case SET -> {
        out.write('=');
        int index = 1;
        for (Parameter p : command.parameters()) {
          if (index > 1) {
            out.write(',');
          }
          writeParameter(index++, p, out, strict);
        }
      }
    }
  }

  private static void writeParameter(int index, Parameter p, ByteArrayOutputStream out, boolean strict) {
    switch (p) {
      case Parameter.Omitted o -> {}
      case Parameter.Quoted q -> {
        out.write('"');
        writeEscaped(index, q.bytes(), out, strict);
        out.write('"');
      }
      case Parameter.Bare b -> writeEscaped(index, b.bytes(), out, strict);
      case Parameter.Malformed m -> writeEscaped(index, m.raw(), out, strict, false);
    }
  }

  private static void writeEscaped(int index, byte[] bytes, ByteArrayOutputStream out, boolean strict) {
    writeEscaped(index, bytes, out, strict, true);
  }

  private static void writeEscaped(
      int index, byte[] bytes, ByteArrayOutputStream out, boolean strict, boolean escape) {
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '\r' || b == '\n' || b == 0) {
        if (strict) {
          throw new UnencodableParameterException(
              "parameter " + index + " holds " + name(b) + " at byte " + (i + 1)
                  + ", which cannot travel on a command line; send such data in data mode (P-11)");
        }
        out.writeBytes(("<" + name(b) + ">").getBytes(StandardCharsets.US_ASCII));
        continue;
      }
      if (escape && (b == '\\' || b == '"' || b == ',')) {
        out.write('\\');
      }
      out.write(b);
    }
  }

  private static String name(byte b) {
    return switch (b) {
      case '\r' -> "CR";
      case '\n' -> "LF";
      default -> "NUL";
    };
  }
}
