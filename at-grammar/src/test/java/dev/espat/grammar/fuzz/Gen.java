package dev.espat.grammar.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Biased random inputs from a seeded generator, so that every failure reproduces from its seed. */
final class Gen {
  private static final String SPECIAL = ",\"\\=?+ ";
  private static final int[] WIDE = {0xE9, 0x3A9, 0x2615, 0x4E2D, 0x1F600, 0x1F4A9, 0x10FFFF, 0xFFFD};

  private final SplittableRandom random;

  Gen(long seed) {
    random = new SplittableRandom(seed);
  }

  int between(int min, int max) {
    return random.nextInt(min, max + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T oneOf(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** A string of up to {@code maxChars} code points, heavy on the characters P-07 escapes. */
  String text(int maxChars, boolean allowLineBreaks) {
    StringBuilder s = new StringBuilder();
    int n = between(0, maxChars);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      if (kind < 3) {
        s.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
      } else if (kind < 7) {
        s.append((char) between(0x21, 0x7E));
      } else if (kind < 9) {
        s.appendCodePoint(WIDE[random.nextInt(WIDE.length)]);
      } else if (allowLineBreaks) {
        s.append("\r\n\0".charAt(random.nextInt(3)));
      } else {
        s.append((char) between(0x0B, 0x0C)); // control characters that do not end a line
      }
    }
    return s.toString();
  }

  /** Bytes assembled from the given tokens and random bytes, up to {@code maxLength}. */
  byte[] bytes(int maxLength, List<String> tokens) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int target = between(0, maxLength);
    while (out.size() < target) {
      if (chance(0.5)) {
        out.writeBytes(oneOf(tokens).getBytes(StandardCharsets.UTF_8));
      } else {
        out.write(random.nextInt(256));
      }
    }
    return out.toByteArray();
  }

  /** Cut points for feeding {@code length} bytes in random slices, ascending. */
  int[] cuts(int length) {
    int n = length == 0 ? 0 : between(0, Math.min(length, 12));
    return random.ints(n, 0, length + 1).sorted().toArray();
  }

  byte[] randomBytes(int maxLength) {
    byte[] b = new byte[between(0, maxLength)];
    random.nextBytes(b);
    return b;
  }
}
