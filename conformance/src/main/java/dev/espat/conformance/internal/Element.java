package dev.espat.conformance.internal;

import dev.espat.conformance.format.Escapes;
import dev.espat.conformance.format.TokenKind;
import java.util.List;

/** A {@code <} line ready to match: literal bytes, tokens, and at most one frame. */
sealed interface Element {

  record Literal(byte[] bytes) implements Element {}

  record Token(TokenKind kind) implements Element {}

  /**
   * {@code {len},PAYLOAD}: digits, a comma, then exactly that many bytes matching the payload.
   * The frame's {@code \r\n} is the literal after it.
   */
  record Frame(List<Element> payload) implements Element {}

  /** The elements as text, tokens as their placeholders: the "expected" of a diff. */
  static String show(List<Element> elements) {
    StringBuilder s = new StringBuilder();
    for (Element e : elements) {
      switch (e) {
        case Literal l -> s.append(Escapes.show(l.bytes()));
        case Token t -> s.append('{').append(t.kind().placeholder()).append('}');
        case Frame f -> s.append("{len},").append(show(f.payload()));
      }
    }
    return s.toString();
  }
}
