package dev.espat.conformance.format;

import java.util.Arrays;

/**
 * One part of a {@code >} or {@code <} line once its escapes are read: literal bytes or a
 * placeholder. A line is a list of pieces ({@link Template}).
 */
public sealed interface Piece {

  /** Bytes sent or expected as they are. */
  record Literal(byte[] bytes) implements Piece {
    public Literal {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Literal l && Arrays.equals(bytes, l.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Literal[" + Escapes.show(bytes) + "]";
    }
  }

  /** A value of the run, such as {@code {server}} or {@code {ssid}}: replaced by its text. */
  record Variable(String name) implements Piece {}

  /**
   * {@code {len}}. On a {@code >} line: the byte length of the next payload the transcript sends.
   * On a {@code <} line: the length of the frame whose payload follows the comma.
   */
  record Length() implements Piece {}

  /** {@code {pad:N}} on a {@code >} line: as many {@code x} as make the whole line N bytes. */
  record Pad(int lineLength) implements Piece {}

  /** A placeholder of a {@code <} line that matches what varies, such as {@code {int}}. */
  record Token(TokenKind kind) implements Piece {}
}
