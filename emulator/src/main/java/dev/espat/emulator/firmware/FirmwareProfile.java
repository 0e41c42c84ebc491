package dev.espat.emulator.firmware;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one ESP-AT release looks like from its UART: its version lines, which commands exist
 * (P-27) and the quirks the spec marks as per-version. A profile is data; handlers ask it, they
 * do not compare version numbers themselves.
 *
 * <pre>{@code
 * FirmwareProfile p = FirmwareProfile.named("3.1");
 * p.has(FirmwareVersion.V3_0);   // true: AT+HTTPCPUT exists
 * }</pre>
 *
 * @param version the release
 * @param versionLines the lines of {@code AT+GMR} (P-40, P-45)
 * @param defaultRxFrameSize the body frame size when a command gives none (P-31)
 * @param bodyBeforeHttpError whether a status >= 400 streams its body before ERROR (P-17)
 * @param statusSpecificErrorCodes whether HTTP failures carry 0x7000 + status (P-16, since 4.1)
 */
public record FirmwareProfile(
    FirmwareVersion version,
    List<String> versionLines,
    int defaultRxFrameSize,
    boolean bodyBeforeHttpError,
    boolean statusSpecificErrorCodes) {

  public static final FirmwareProfile V2_2 = new FirmwareProfile(
      FirmwareVersion.V2_2,
      List.of(
          "AT version:2.2.0.0(c6fa6bf - ESP32 - Jul  2 2021 06:44:05)",
          "SDK version:v4.2.2-76-gefa6eca",
          "compile time(3a696ba):Jul  2 2021 11:54:43",
          "Bin version:2.2.0(WROOM-32)"),
      512, false, false);

  public static final FirmwareProfile V3_0 = new FirmwareProfile(
      FirmwareVersion.V3_0,
      List.of(
          "AT version:3.0.0.0(s-1d9dd5b - ESP32 - Feb 22 2023 08:58:37)",
          "SDK version:v4.4.4-dirty",
          "compile time(8e3a3e6):Feb 22 2023 09:12:06",
          "Bin version:v3.0.0.0(WROOM-32)"),
      2048, false, false);

  public static final FirmwareProfile V3_1 = new FirmwareProfile(
      FirmwareVersion.V3_1,
      List.of(
          "AT version:3.1.0.0(s-9a0d1a6 - ESP32 - May 22 2023 06:58:41)",
          "SDK version:v5.0.2-dirty",
          "compile time(c2d2e7f):May 22 2023 07:13:50",
          "Bin version:v3.1.0.0(WROOM-32)"),
      2048, false, false);

  public static final FirmwareProfile V4_1 = new FirmwareProfile(
      FirmwareVersion.V4_1,
      List.of(
          "AT version:4.1.0.0(s-cc2c3a4 - ESP32 - Jun  6 2024 11:14:02)",
          "SDK version:v5.0.6-dirty",
          "compile time(0ad3f47):Jun  6 2024 11:26:05",
          "Bin version:v4.1.0.0(ESP32-WROOM-32)"),
      2048, true, true);

  /** Every profile, oldest first. */
  public static final List<FirmwareProfile> ALL = List.of(V2_2, V3_0, V3_1, V4_1);

  /** The newest profile: what {@code --firmware} defaults to. */
  public static FirmwareProfile newest() {
    return ALL.getLast();
  }

  public FirmwareProfile {
    versionLines = List.copyOf(versionLines);
  }

  /**
   * The profile for {@code 2.2}, {@code 3.0}, {@code 3.1} or {@code 4.1}.
   *
   * @throws IllegalArgumentException naming the known profiles
   */
  public static FirmwareProfile named(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replaceFirst("^v", "");
    for (FirmwareProfile p : ALL) {
      if (p.version.toString().equals(n) || (p.version + ".0.0").equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown firmware '" + name + "'; known: " + ALL.stream().map(p -> p.version.toString()).collect(Collectors.joining(", ")));
  }

  /** Whether this release includes what arrived in {@code since} (P-27). */
  public boolean has(FirmwareVersion since) {
    return version.atLeast(since);
  }
}
