package dev.espat.driver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ESP-AT release number, {@code 4.1.0.0}, compared numerically part by part:
 * {@code 2.2.0.0 < 3.0.0.0 < 3.1.0.0 < 4.1.0.0}.
 *
 * <pre>{@code
 * FirmwareVersion v = esp.firmware().version();
 * if (v.atLeast(FirmwareVersion.of(3, 1))) { ... }
 * }</pre>
 *
 * @param major the first number
 * @param minor the second
 * @param patch the third
 * @param build the fourth
 */
public record FirmwareVersion(int major, int minor, int patch, int build) implements Comparable<FirmwareVersion> {

  /** Two to four dot-separated numbers, optionally after a {@code v}. */
  private static final Pattern NUMBERS = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

  public FirmwareVersion {
    if (major < 0 || minor < 0 || patch < 0 || build < 0) {
      throw new IllegalArgumentException("version parts cannot be negative");
    }
  }

  /** {@code major.minor.0.0}. */
  public static FirmwareVersion of(int major, int minor) {
    return new FirmwareVersion(major, minor, 0, 0);
  }

  /**
   * Reads {@code 4.1}, {@code 4.1.0.0}, {@code v3.0.0.0}, or the number at the start of any text
   * such as {@code 2.2.0.0(c6fa6bf - ESP32 - ...)}.
   *
   * @throws IllegalArgumentException naming the text when it starts with no version
   */
  public static FirmwareVersion parse(String text) {
    Matcher m = NUMBERS.matcher(text.strip());
    if (!m.lookingAt()) {
      throw new IllegalArgumentException("'" + text + "' does not start with a version like 4.1.0.0");
    }
    return new FirmwareVersion(part(m, 1), part(m, 2), part(m, 3), part(m, 4));
  }

  private static int part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
  }

  /** Whether this release is {@code other} or later. */
  public boolean atLeast(FirmwareVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(FirmwareVersion o) {
    int c = Integer.compare(major, o.major);
    c = c != 0 ? c : Integer.compare(minor, o.minor);
    c = c != 0 ? c : Integer.compare(patch, o.patch);
    return c != 0 ? c : Integer.compare(build, o.build);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + "." + build;
  }
}
