package dev.espat.emulator.device;

import java.util.Objects;

/**
 * A simulated access point the device can join (P-42).
 *
 * @param ssid its name
 * @param password its password (masked in {@link #toString()})
 */
public record AccessPoint(String ssid, String password) {

  public AccessPoint {
    Objects.requireNonNull(ssid, "ssid");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Reads {@code SSID:PASSWORD} as given to {@code --ap}; the SSID ends at the first colon, so a
   * password may hold colons.
   */
  public static AccessPoint parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("access point '" + spec.replaceAll(":.*", ":***") + "' is not SSID:PASSWORD");
    }
    return new AccessPoint(spec.substring(0, colon), spec.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "AccessPoint[" + ssid + ", password ***]";
  }
}
