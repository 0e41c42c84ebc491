package dev.espat.conformance.format;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a {@code >} or {@code <} line, read into literal bytes and placeholders.
 *
 * <pre>{@code
 * Template t = Template.parse("AT+HTTPCGET=\"{server}/get\"\\r\\n", Template.Side.SEND);
 * }</pre>
 *
 * @param text the line as written, after the {@code >} or {@code <} and one space
 * @param pieces what it reads as
 */
public record Template(String text, List<Piece> pieces) {

  /** Which way a line goes: what may appear in it differs. */
  public enum Side {
    /** A {@code >} line: values of the run, {@code {len}} of the next payload, {@code {pad:N}}. */
    SEND,
    /** A {@code <} line: values of the run, {@code {len}} of a frame, the matching tokens. */
    EXPECT
  }

  /** The values of the run a line may name. */
  public static final Set<String> VARIABLES = Set.of(
      "server", "server-tls", "server-host", "server-port", "server-tls-port", "refused", "ssid", "password", "baud");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9-]*)(?::([0-9]{1,6}))?\\}");

  public Template {
    pieces = List.copyOf(pieces);
  }

  /**
   * Reads a line.
   *
   * @throws IllegalArgumentException saying what is wrong: a bad escape, an unknown placeholder,
   *     a placeholder on the wrong side
   */
  public static Template parse(String text, Side side) {
    List<Piece> pieces = new ArrayList<>();
    ByteArrayOutputStream literal = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char n = text.charAt(i + 1);
        int escaped = switch (n) {
          case 'r' -> '\r';
          case 'n' -> '\n';
          case 't' -> '\t';
          case '0' -> 0;
          case '\\' -> '\\';
          case '{' -> '{';
          case '}' -> '}';
          case 'x' -> hexByte(text, i);
          default -> -1;
        };
        if (escaped >= 0) {
          literal.write(escaped);
          i += n == 'x' ? 4 : 2;
          continue;
        }
        literal.write('\\');
        i++;
        continue;
      }
      if (c == '{') {
        Matcher m = PLACEHOLDER.matcher(text).region(i, text.length());
        if (m.lookingAt()) {
          flush(literal, pieces);
          pieces.add(placeholder(m.group(1), m.group(2), side));
          i = m.end();
          continue;
        }
      }
      int cp = text.codePointAt(i);
      literal.writeBytes(Escapes.utf8(new String(Character.toChars(cp))));
      i += Character.charCount(cp);
    }
    flush(literal, pieces);
    Template t = new Template(text, pieces);
    t.check(side);
    return t;
  }

  private static int hexByte(String text, int at) {
    if (at + 4 > text.length()) {
      throw new IllegalArgumentException("'\\x' needs two hex digits, like \\x00 or \\xff");
    }
    String hex = text.substring(at + 2, at + 4);
    try {
      return Integer.parseInt(hex, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'\\x" + hex + "' is not a byte: write two hex digits, like \\x00 or \\xff");
    }
  }

  private static void flush(ByteArrayOutputStream literal, List<Piece> pieces) {
    if (literal.size() > 0) {
      pieces.add(new Piece.Literal(literal.toByteArray()));
      literal.reset();
    }
  }

  private static Piece placeholder(String name, String argument, Side side) {
    if (name.equals("pad")) {
      if (side != Side.SEND || argument == null) {
        throw new IllegalArgumentException("{pad:N} belongs on a > line and needs the line length, like {pad:257}");
      }
      return new Piece.Pad(Integer.parseInt(argument));
    }
    if (argument != null) {
      throw new IllegalArgumentException("{" + name + "} takes no ':" + argument + "'");
    }
    if (name.equals("len")) {
      return new Piece.Length();
    }
    if (VARIABLES.contains(name)) {
      return new Piece.Variable(name);
    }
    TokenKind kind = TokenKind.named(name);
    if (kind != null) {
      if (side == Side.SEND) {
        throw new IllegalArgumentException("{" + name + "} matches what the device writes; it cannot be sent (a > line)");
      }
      return new Piece.Token(kind);
    }
    throw new IllegalArgumentException("unknown placeholder {" + name + "}; known: " + known() + " (write \\{ for a literal brace)");
  }

  private static String known() {
    List<String> all = new ArrayList<>();
    VARIABLES.stream().sorted().forEach(v -> all.add("{" + v + "}"));
    all.add("{len}");
    all.add("{pad:N}");
    for (TokenKind k : TokenKind.values()) {
      all.add("{" + k.placeholder() + "}");
    }
    return String.join(", ", all);
  }

  private void check(Side side) {
    long lengths = pieces.stream().filter(Piece.Length.class::isInstance).count();
    long pads = pieces.stream().filter(Piece.Pad.class::isInstance).count();
    if (pads > 1) {
      throw new IllegalArgumentException("only one {pad:N} per line");
    }
    if (side == Side.EXPECT && lengths > 1) {
      throw new IllegalArgumentException("only one {len} per < line: put each frame on a line of its own");
    }
    if (side == Side.EXPECT && lengths == 1) {
      int at = indexOf(Piece.Length.class);
      if (!(next(at) instanceof Piece.Literal l) || l.bytes().length == 0 || l.bytes()[0] != ',') {
        throw new IllegalArgumentException("{len} on a < line is a frame's length: a comma and the payload follow it, like +HTTPCGET:{len},{any}\\r\\n");
      }
      if (!endsWithCrLf()) {
        throw new IllegalArgumentException("a < line with a frame ({len}) ends with the frame's \\r\\n; put what follows on the next < line");
      }
    }
    for (int i = 0; i < pieces.size(); i++) {
      if (pieces.get(i) instanceof Piece.Token t && t.kind() == TokenKind.ANY) {
        if (lengths == 0 || i < indexOf(Piece.Length.class)) {
          throw new IllegalArgumentException("{any} matches the rest of a frame's payload: it belongs after {len},");
        }
      }
    }
  }

  private int indexOf(Class<? extends Piece> type) {
    for (int i = 0; i < pieces.size(); i++) {
      if (type.isInstance(pieces.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private Piece next(int index) {
    return index + 1 < pieces.size() ? pieces.get(index + 1) : null;
  }

  private boolean endsWithCrLf() {
    if (pieces.isEmpty() || !(pieces.getLast() instanceof Piece.Literal l)) {
      return false;
    }
    byte[] b = l.bytes();
    return b.length >= 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n';
  }

  /** Whether the line names {@code {len}}. */
  public boolean hasLength() {
    return indexOf(Piece.Length.class) >= 0;
  }
}
