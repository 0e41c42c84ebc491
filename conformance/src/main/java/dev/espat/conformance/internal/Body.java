package dev.espat.conformance.internal;

import dev.espat.conformance.server.Route;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A body seen in pieces, kept in bounded memory: its length, its SHA-256 and its first
 * {@link Route#HEAD} bytes (for {@code contains}, {@code lacks} and pointing at a difference).
 */
final class Body {
  private final MessageDigest sha = Route.sha256();
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private long length;
  private byte[] digest;

  void add(byte[] bytes, int offset, int count) {
    sha.update(bytes, offset, count);
    int room = Route.HEAD - head.size();
    if (room > 0) {
      head.write(bytes, offset, Math.min(room, count));
    }
    length += count;
  }

  long length() {
    return length;
  }

  byte[] head() {
    return head.toByteArray();
  }

  byte[] sha256() {
    if (digest == null) {
      digest = sha.digest();
    }
    return digest.clone();
  }

  /** The body as an entity to compare with. */
  Route.Entity entity() {
    return new Route.Entity(length, sha256(), head());
  }

  /** Why this body is not {@code expected} (named {@code what}), or null when it is. */
  String differenceFrom(Route.Entity expected, String what) {
    if (length != expected.length()) {
      String where = firstDifference(expected.head());
      return "the frames carried " + length + " bytes; " + what + " is " + expected.length() + " bytes"
          + (where == null ? "" : "; " + where);
    }
    if (Arrays.equals(sha256(), expected.sha256())) {
      return null;
    }
    String where = firstDifference(expected.head());
    return "the frames carried " + length + " bytes, as many as " + what + ", but not the same ones"
        + (where == null ? " (they differ after the first " + Route.HEAD + ")" : "; " + where);
  }

  private String firstDifference(byte[] expectedHead) {
    byte[] mine = head();
    int n = Math.min(mine.length, expectedHead.length);
    for (int i = 0; i < n; i++) {
      if (mine[i] != expectedHead[i]) {
        return String.format("the first difference is at byte %d: expected 0x%02x, got 0x%02x", i, expectedHead[i] & 0xff, mine[i] & 0xff);
      }
    }
    return null;
  }

  static int indexOf(byte[] in, byte[] what) {
    return DeviceCommands.indexOf(in, what);
  }
}
