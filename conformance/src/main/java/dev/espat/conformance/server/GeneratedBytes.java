package dev.espat.conformance.server;

import java.util.SplittableRandom;

/**
 * The test server's pseudo-random bytes: one fixed stream, so that {@code /bytes/N} is its first N
 * bytes on every run and every machine, {@code /bytes/256} is the start of {@code /bytes/1000},
 * and the runner can tell what a body should be without having fetched it. Every byte value
 * occurs, CR, LF and NUL included.
 *
 * <pre>{@code
 * GeneratedBytes g = new GeneratedBytes();
 * byte[] first = new byte[1024];
 * g.next(first, 0, first.length);
 * }</pre>
 */
public final class GeneratedBytes {
  /** The stream's seed; part of the format: transcripts and recordings depend on these bytes. */
  public static final long SEED = 0x5EED_E5BA7L;

  private final SplittableRandom random = new SplittableRandom(SEED);
  private long word;
  private int left;

  /** Fills {@code length} bytes with the stream's next bytes. */
  public void next(byte[] into, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (left == 0) {
        word = random.nextLong();
        left = 8;
      }
      into[i] = (byte) word;
      word >>>= 8;
      left--;
    }
  }

  /** Skips {@code count} bytes. */
  public void skip(long count) {
    byte[] scratch = new byte[8192];
    while (count > 0) {
      int n = (int) Math.min(scratch.length, count);
      next(scratch, 0, n);
      count -= n;
    }
  }

  /** The first {@code length} bytes, for small sizes. */
  public static byte[] first(int length) {
    byte[] b = new byte[length];
    new GeneratedBytes().next(b, 0, length);
    return b;
  }
}
