package dev.espat.conformance.format;

import java.util.ArrayList;
import java.util.List;

/** The rule ids of the protocol spec (esp-at-protocol.md), in the spec's order. */
public final class Rules {
  /** Every rule id: P-01..P-17, P-20..P-27, P-30..P-33, P-40..P-45, P-50..P-53. */
  public static final List<String> ALL = all();

  /** The golden transcripts of the spec's §8 are numbered 1 to this. */
  public static final int GOLDEN_TRANSCRIPTS = 16;

  private Rules() {}

  private static List<String> all() {
    List<String> ids = new ArrayList<>();
    int[][] ranges = {{1, 17}, {20, 27}, {30, 33}, {40, 45}, {50, 53}};
    for (int[] r : ranges) {
      for (int i = r[0]; i <= r[1]; i++) {
        ids.add(String.format("P-%02d", i));
      }
    }
    return List.copyOf(ids);
  }

  /** Whether the id is one of the spec's. */
  public static boolean known(String id) {
    return ALL.contains(id);
  }
}
