package dev.espat.emulator.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.command.SimulatedNetwork.Beacon;
import dev.espat.emulator.command.SimulatedNetwork.JoinOutcome;
import dev.espat.emulator.device.AccessPoint;
import dev.espat.emulator.device.DeviceOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The simulated radio world: join outcomes, derived addresses (P-42, P-45). */
class WifiSimulatedNetworkTest {

  private static JoinConfig join(String ssid, String password, Optional<String> bssid) {
    return new JoinConfig(ssid, password, bssid, 0, 1, 3, 0, 15, 1);
  }

  @Test
  @DisplayName("P-45: station MACs carry Espressif's OUI, differ per device and are the same on every run")
  void macs() {
    String dev0 = SimulatedNetwork.stationMac("dev0");
    assertThat(dev0).matches("24:0a:c4(:[0-9a-f]{2}){3}").isEqualTo(SimulatedNetwork.stationMac("dev0"));
    assertThat(SimulatedNetwork.stationMac("dev1")).isNotEqualTo(dev0);
    int last = Integer.parseInt(dev0.substring(15), 16);
    assertThat(SimulatedNetwork.softApMac("dev0")).isEqualTo(dev0.substring(0, 15) + String.format("%02x", last + 1));
  }

  @Test
  @DisplayName("P-42: SSID, password and BSSID decide the outcome; no configured APs means any joins")
  void outcomes() {
    SimulatedNetwork open = new SimulatedNetwork(DeviceOptions.defaults());
    assertThat(open.join(join("any", "thing", Optional.empty()))).isEqualTo(JoinOutcome.JOINED);

    SimulatedNetwork air = new SimulatedNetwork(DeviceOptions.defaults()
        .withAccessPoints(List.of(new AccessPoint("home", "pw"), new AccessPoint("cafe", ""))));
    String homeBssid = Beacon.of("home", true).bssid();
    assertThat(air.join(join("home", "pw", Optional.empty()))).isEqualTo(JoinOutcome.JOINED);
    assertThat(air.join(join("home", "pw", Optional.of(homeBssid)))).isEqualTo(JoinOutcome.JOINED);
    assertThat(air.join(join("home", "pw", Optional.of("02:00:00:00:00:01")))).isEqualTo(JoinOutcome.NOT_FOUND);
    assertThat(air.join(join("home", "nope", Optional.empty()))).isEqualTo(JoinOutcome.WRONG_PASSWORD);
    assertThat(air.join(join("cafe", "", Optional.empty()))).isEqualTo(JoinOutcome.JOINED);
    assertThat(air.join(join("nowhere", "pw", Optional.empty()))).isEqualTo(JoinOutcome.NOT_FOUND);
    assertThat(air.scan(Optional.empty())).extracting(Beacon::ssid).containsExactly("home", "cafe");
    assertThat(air.scan(Optional.of(Beacon.of("home", true)))).as("no duplicate of the joined AP").hasSize(2);
  }

  @Test
  @DisplayName("P-42: the password is masked when a join config is printed")
  void configMasksPassword() {
    assertThat(join("home", "hunter2", Optional.empty()).toString()).contains("home").doesNotContain("hunter2");
  }
}
