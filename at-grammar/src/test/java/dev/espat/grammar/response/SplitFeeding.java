package dev.espat.grammar.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.grammar.Bytes;
import java.util.ArrayList;
import java.util.List;

/** Feeds a decoder the same bytes cut in every possible way and checks the events never change. */
public final class SplitFeeding {
  private SplitFeeding() {}

  /** Events from feeding {@code wire} in the given slices, draining after each. */
  public static List<ResponseEvent> decode(DecoderLimits limits, byte[] wire, int... cuts) {
    ResponseDecoder decoder = new ResponseDecoder(limits);
    List<ResponseEvent> events = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      decoder.receive(wire, from, cut - from);
      events.addAll(decoder.drain());
      from = cut;
    }
    decoder.receive(wire, from, wire.length - from);
    events.addAll(decoder.drain());
    assertThat(decoder.bufferedBytes()).as("bytes left over after %s", Bytes.show(wire)).isZero();
    return events;
  }

  /**
   * Asserts that {@code wire} decodes to {@code expected} whole, split at every single offset,
   * split at every pair of offsets (for inputs up to 200 bytes), and fed one byte at a time.
   */
  public static void assertDecodesEverySplit(DecoderLimits limits, byte[] wire, List<ResponseEvent> expected) {
    assertThat(decode(limits, wire)).as("whole: %s", Bytes.show(wire)).isEqualTo(expected);
    for (int i = 0; i <= wire.length; i++) {
      assertThat(decode(limits, wire, i)).as("split at %d: %s", i, Bytes.show(wire)).isEqualTo(expected);
    }
    if (wire.length <= 200) {
      for (int i = 0; i <= wire.length; i++) {
        for (int j = i; j <= wire.length; j++) {
          assertThat(decode(limits, wire, i, j)).as("split at %d and %d: %s", i, j, Bytes.show(wire)).isEqualTo(expected);
        }
      }
    }
    int[] everyByte = new int[wire.length];
    for (int i = 0; i < wire.length; i++) {
      everyByte[i] = i;
    }
    assertThat(decode(limits, wire, everyByte)).as("byte by byte: %s", Bytes.show(wire)).isEqualTo(expected);
  }

  public static void assertDecodesEverySplit(byte[] wire, List<ResponseEvent> expected) {
    assertDecodesEverySplit(DecoderLimits.defaults(), wire, expected);
  }
}
