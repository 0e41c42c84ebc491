package dev.espat.conformance.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code frames} line:
 * {@code frames +HTTPCGET [max 2048] [min 1] [gate] [body /bytes/5000 | body sent] [length N] [sha256 HEX] [text "..."] [contains "..."] [lacks "..."]}.
 */
final class FramesDirective {
  private FramesDirective() {}

  static Step.Frames parse(int line, String source) {
    Words words = new Words(source.substring("frames".length()));
    String name = words.next();
    if (name == null || !name.matches("\\+[A-Z][A-Z0-9_]*:?")) {
      throw new IllegalArgumentException("frames needs the frame's name first, like 'frames +HTTPCGET max 2048 body /bytes/5000'");
    }
    String prefix = name.endsWith(":") ? name : name + ":";
    int max = 0;
    int min = 1;
    boolean gate = false;
    List<BodyCheck> checks = new ArrayList<>();
    for (String w = words.next(); w != null; w = words.next()) {
      switch (w) {
        case "max" -> max = number(words, "max", 1);
        case "min" -> min = number(words, "min", 0);
        case "gate" -> gate = true;
        case "body" -> {
          String what = words.required("body needs a path of the test server, like 'body /bytes/5000', or 'sent'");
          if (what.equals("sent")) {
            checks.add(new BodyCheck.Sent());
          } else if (what.startsWith("/")) {
            checks.add(new BodyCheck.Resource(what));
          } else {
            throw new IllegalArgumentException("body '" + what + "': a path of the test server like /bytes/5000, or 'sent'");
          }
        }
        case "length" -> checks.add(new BodyCheck.Length(number(words, "length", 0)));
        case "sha256" -> {
          String hex = words.required("sha256 needs 64 hex digits");
          if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("sha256 '" + hex + "' is not 64 hex digits");
          }
          checks.add(new BodyCheck.Sha256(hex.toLowerCase(java.util.Locale.ROOT)));
        }
        case "text" -> checks.add(new BodyCheck.Text(words.quoted("text")));
        case "contains" -> checks.add(new BodyCheck.Contains(words.quoted("contains")));
        case "lacks" -> checks.add(new BodyCheck.Lacks(words.quoted("lacks")));
        default -> throw new IllegalArgumentException("frames: '" + w + "' is not an option; known: max N, min N, gate, "
            + "body PATH, body sent, length N, sha256 HEX, text \"...\", contains \"...\", lacks \"...\"");
      }
    }
    return new Step.Frames(line, source, prefix, max, min, gate, checks);
  }

  private static int number(Words words, String option, int least) {
    String w = words.required(option + " needs a number");
    int n = TranscriptParser.parseInt(w, "number after " + option);
    if (n < least) {
      throw new IllegalArgumentException(option + " " + n + " must be at least " + least);
    }
    return n;
  }

  /** Splits a directive into words, keeping {@code "quoted text"} (with {@code \"} inside) as one. */
  private static final class Words {
    private final String text;
    private int at;

    Words(String text) {
      this.text = text;
    }

    String next() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (at >= text.length()) {
        return null;
      }
      int start = at;
      while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      return text.substring(start, at);
    }

    String required(String message) {
      String w = next();
      if (w == null) {
        throw new IllegalArgumentException(message);
      }
      return w;
    }

    /** The text between double quotes; {@code \"} is a quote inside, other escapes as on > lines. */
    Template quoted(String option) {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (at >= text.length() || text.charAt(at) != '"') {
        throw new IllegalArgumentException(option + " takes text in double quotes, like " + option + " \"content-type: application/json\"");
      }
      StringBuilder inner = new StringBuilder();
      int i = at + 1;
      while (i < text.length() && text.charAt(i) != '"') {
        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
          if (text.charAt(i + 1) == '"') {
            inner.append("\\x22");
          } else {
            inner.append(text, i, i + 2);
          }
          i += 2;
          continue;
        }
        inner.append(text.charAt(i));
        i++;
      }
      if (i >= text.length()) {
        throw new IllegalArgumentException(option + ": the text has no closing double quote");
      }
      at = i + 1;
      Template t = Template.parse(inner.toString(), Template.Side.SEND);
      if (t.pieces().stream().anyMatch(p -> !(p instanceof Piece.Literal) && !(p instanceof Piece.Variable))) {
        throw new IllegalArgumentException(option + " \"...\" takes text and values like {server-host}, not {len} or {pad:N}");
      }
      return t;
    }
  }
}
