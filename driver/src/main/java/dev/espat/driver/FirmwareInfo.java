package dev.espat.driver;

import java.util.List;
import java.util.Optional;

/**
 * What {@code AT+GMR} reported (P-40, P-45): the AT version with its comparable number, the SDK
 * version, the compile time and the bin version.
 *
 * <pre>{@code
 * FirmwareInfo fw = esp.firmware();
 * fw.version();        // 4.1.0.0
 * fw.atVersionLine();  // "AT version:4.1.0.0(s-cc2c3a4 - ESP32 - Jun  6 2024 11:14:02)"
 * }</pre>
 *
 * @param version the AT version's number
 * @param lines the lines of AT+GMR as printed
 */
public record FirmwareInfo(FirmwareVersion version, List<String> lines) {

  static final String AT_VERSION = "AT version:";

  public FirmwareInfo {
    lines = List.copyOf(lines);
  }

  /**
   * Reads the lines of AT+GMR; other lines (an echo) are ignored.
   *
   * @throws IllegalArgumentException when no {@code AT version:} line holds a version
   */
  public static FirmwareInfo parse(List<String> gmrLines) {
    List<String> kept = gmrLines.stream().filter(l -> !l.startsWith("AT+")).toList();
    String at = kept.stream().filter(l -> l.startsWith(AT_VERSION)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("AT+GMR printed no '" + AT_VERSION + "' line: " + gmrLines));
    return new FirmwareInfo(FirmwareVersion.parse(at.substring(AT_VERSION.length())), kept);
  }

  public String atVersionLine() {
    return line(AT_VERSION).orElseThrow();
  }

  public Optional<String> sdkVersion() {
    return line("SDK version:").map(l -> l.substring("SDK version:".length()));
  }

  public Optional<String> binVersion() {
    return line("Bin version:").map(l -> l.substring("Bin version:".length()));
  }

  /** What P-27 says this release can do. */
  public Capabilities capabilities() {
    return new Capabilities(version);
  }

  private Optional<String> line(String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
  }
}
