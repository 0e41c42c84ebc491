package dev.espat.emulator.firmware;

/**
 * An ESP-AT version, compared numerically: {@code 2.2 < 3.0 < 3.1 < 4.1}.
 *
 * @param major the first number
 * @param minor the second number
 */
public record FirmwareVersion(int major, int minor) implements Comparable<FirmwareVersion> {

  public static final FirmwareVersion V2_0 = new FirmwareVersion(2, 0);
  public static final FirmwareVersion V2_2 = new FirmwareVersion(2, 2);
  public static final FirmwareVersion V2_3 = new FirmwareVersion(2, 3);
  public static final FirmwareVersion V3_0 = new FirmwareVersion(3, 0);
  public static final FirmwareVersion V3_1 = new FirmwareVersion(3, 1);
  public static final FirmwareVersion V4_1 = new FirmwareVersion(4, 1);

  /** Reads {@code 4.1} (further numbers, as in {@code 4.1.0.0}, are ignored). */
  public static FirmwareVersion parse(String text) {
    String[] parts = text.strip().split("\\.");
    try {
      if (parts.length >= 2) {
        return new FirmwareVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("'" + text + "' is not a firmware version like 4.1");
  }

  public boolean atLeast(FirmwareVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(FirmwareVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
