package dev.espat.emulator.command;

import dev.espat.emulator.device.DeviceState;
import java.util.Optional;

/**
 * The Wi-Fi settings in flash (P-45): survive AT+RST, cleared by AT+RESTORE. The mode and the
 * joined network get here only with AT+SYSSTORE=1; auto-connect always does.
 */
final class WifiSettings {
  /** AT+CWMODE: 1, station, from the factory. */
  int mode = 1;

  /** AT+CWAUTOCONN: on from the factory. */
  boolean autoConnect = true;

  /** The last network a stored AT+CWJAP joined. */
  Optional<JoinConfig> saved = Optional.empty();

  static WifiSettings of(DeviceState state) {
    return state.flash(WifiSettings.class, WifiSettings::new);
  }
}
