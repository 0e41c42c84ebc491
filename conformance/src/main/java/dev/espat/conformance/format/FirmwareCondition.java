package dev.espat.conformance.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code firmware:} line of a transcript: the releases it applies to, such as {@code >=4.1}
 * or {@code >=3.0 <4.1}. Versions compare number by number, missing numbers as 0.
 *
 * <pre>{@code
 * FirmwareCondition.parse(">=3.0 <4.1").test("3.1.0.0");   // true
 * }</pre>
 */
public record FirmwareCondition(String text, List<Bound> bounds) {
  private static final Pattern BOUND = Pattern.compile("(>=|<=|>|<|=)?([0-9]+(?:\\.[0-9]+){0,3})");

  /** One comparison. */
  public record Bound(String operator, int[] version) {}

  public FirmwareCondition {
    bounds = List.copyOf(bounds);
  }

  /**
   * Reads the condition.
   *
   * @throws IllegalArgumentException when a part is not an operator and a version
   */
  public static FirmwareCondition parse(String text) {
    List<Bound> bounds = new ArrayList<>();
    for (String part : text.strip().split("\\s+")) {
      Matcher m = BOUND.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("'" + part + "' is not a firmware bound like >=4.1 or <3.0");
      }
      bounds.add(new Bound(m.group(1) == null ? "=" : m.group(1), version(m.group(2))));
    }
    return new FirmwareCondition(text.strip(), bounds);
  }

  /** {@code "4.1.0.0"} as numbers. */
  public static int[] version(String text) {
    String[] parts = text.split("\\.");
    int[] v = new int[4];
    for (int i = 0; i < Math.min(4, parts.length); i++) {
      v[i] = Integer.parseInt(parts[i]);
    }
    return v;
  }

  /** Whether a release such as {@code 4.1.0.0} meets every bound. */
  public boolean test(String firmware) {
    int[] v = version(firmware);
    for (Bound b : bounds) {
      int c = java.util.Arrays.compare(v, b.version());
      boolean ok = switch (b.operator()) {
        case ">=" -> c >= 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case "<" -> c < 0;
        default -> c == 0 || prefixEquals(v, b.version());
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code =4.1} takes 4.1.0.0 and 4.1.2.0 alike. */
  private static boolean prefixEquals(int[] v, int[] bound) {
    int significant = 4;
    while (significant > 1 && bound[significant - 1] == 0) {
      significant--;
    }
    for (int i = 0; i < significant; i++) {
      if (v[i] != bound[i]) {
        return false;
      }
    }
    return true;
  }
}
