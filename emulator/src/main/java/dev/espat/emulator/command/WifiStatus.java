package dev.espat.emulator.command;

import dev.espat.emulator.device.DeviceState;
import java.util.Optional;

/**
 * The station as seen from outside the device (the admin API's {@code wifi} object): a snapshot the
 * station publishes on its own thread at every change, readable from any thread.
 *
 * <pre>{@code
 * WifiStatus.of(device.state())   // WifiStatus[mode=1, state=got-ip, ssid=home, ip=192.168.1.100]
 * }</pre>
 *
 * @param mode AT+CWMODE: 0 off, 1 station, 2 softAP, 3 both (P-41)
 * @param state AT+CWSTATE's state by name: {@code not-started}, {@code connected-no-ip},
 *     {@code got-ip}, {@code connecting}, {@code disconnected} (P-42)
 * @param ssid the network joined or last asked for; empty when none
 * @param ip the station's IPv4 address; {@code 0.0.0.0} without one
 */
public record WifiStatus(int mode, String state, String ssid, String ip) {

  /** The last snapshot; empty between a reset and the station's start after {@code ready}. */
  public static Optional<WifiStatus> of(DeviceState state) {
    return state.published(WifiStatus.class);
  }
}
