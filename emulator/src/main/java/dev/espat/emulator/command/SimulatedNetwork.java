package dev.espat.emulator.command;

import dev.espat.emulator.device.AccessPoint;
import dev.espat.emulator.device.DeviceOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The radio world around a simulated station (P-42): which access points exist, what joining one
 * of them comes to, and the addresses a join hands out. Everything is derived from the
 * {@link DeviceOptions} and from names, so a device looks the same on every run.
 *
 * <pre>{@code
 * SimulatedNetwork air = new SimulatedNetwork(options);
 * air.join(config);                       // JOINED, WRONG_PASSWORD or NOT_FOUND
 * SimulatedNetwork.stationMac("dev0");    // "24:0a:c4:.."
 * }</pre>
 */
final class SimulatedNetwork {

  /** The station's address once joined: a fixed private network. */
  static final String STATION_IP = "192.168.1.100";

  static final String GATEWAY = "192.168.1.1";

  static final String NETMASK = "255.255.255.0";

  /** What the firmware prints for an interface that has no address. */
  static final String NO_ADDRESS = "0.0.0.0";

  /** The firmware's default softAP address. */
  static final String SOFTAP_IP = "192.168.4.1";

  /** Espressif's OUI, which ESP32 station MACs start with. */
  private static final byte[] ESPRESSIF_OUI = {0x24, 0x0a, (byte) 0xc4};

  /** What a join attempt comes to; the codes are those of {@code +CWJAP:<code>} (P-42). */
  enum JoinOutcome {
    JOINED(0), TIMEOUT(1), WRONG_PASSWORD(2), NOT_FOUND(3);

    private final int code;

    JoinOutcome(int code) {
      this.code = code;
    }

    int code() {
      return code;
    }
  }

  /**
   * One access point as a scan or AT+CWJAP? shows it.
   *
   * @param ssid its name
   * @param bssid its MAC, lower-case
   * @param channel 1..11
   * @param rssi signal strength in dBm
   * @param secured WPA2-PSK (ecn 3) when true, open (ecn 0) otherwise
   */
  record Beacon(String ssid, String bssid, int channel, int rssi, boolean secured) {

    /** The beacon of a network, its BSSID and channel derived from its name. */
    static Beacon of(String ssid, boolean secured) {
      byte[] h = digest("ap:" + ssid);
      h[0] = (byte) (h[0] & 0xfe); // a unicast address
      return new Beacon(ssid, mac(h), 1 + Math.floorMod(h[6], 11), -40 - Math.floorMod(h[7], 30), secured);
    }

    /**
     * The fields of one {@code +CWLAP:(...)} line: ecn, ssid, rssi, mac, channel, freq_offset,
     * freqcal_val, pairwise_cipher, group_cipher, wifi_protocol (b/g/n), wps.
     */
    String scanFields() {
      int cipher = secured ? 4 : 0; // CCMP or none
      return (secured ? 3 : 0) + ",\"" + ssid + "\"," + rssi + ",\"" + bssid + "\"," + channel + ",0,0,"
          + cipher + "," + cipher + ",7,0";
    }
  }

  private final List<AccessPoint> accessPoints;

  SimulatedNetwork(DeviceOptions options) {
    this.accessPoints = options.accessPoints();
  }

  /** P-42: no access points configured means any network joins; else SSID, BSSID and password must match. */
  JoinOutcome join(JoinConfig config) {
    if (accessPoints.isEmpty()) {
      return JoinOutcome.JOINED;
    }
    List<AccessPoint> named = accessPoints.stream()
        .filter(ap -> ap.ssid().equals(config.ssid()))
        .filter(ap -> config.bssid().map(b -> b.equals(beacon(ap).bssid())).orElse(true))
        .toList();
    if (named.isEmpty()) {
      return JoinOutcome.NOT_FOUND;
    }
    return named.stream().anyMatch(ap -> ap.password().equals(config.password()))
        ? JoinOutcome.JOINED
        : JoinOutcome.WRONG_PASSWORD;
  }

  /** The beacon of the network a config joined, as AT+CWJAP? reports it. */
  Beacon joined(JoinConfig config) {
    Beacon derived = Beacon.of(config.ssid(), config.secured());
    return config.bssid()
        .map(b -> new Beacon(derived.ssid(), b, derived.channel(), derived.rssi(), derived.secured()))
        .orElse(derived);
  }

  /** What AT+CWLAP finds: the configured access points, and the joined one if it is not among them. */
  List<Beacon> scan(Optional<Beacon> joined) {
    Set<Beacon> found = new LinkedHashSet<>();
    accessPoints.forEach(ap -> found.add(beacon(ap)));
    joined.filter(j -> accessPoints.stream().noneMatch(ap -> ap.ssid().equals(j.ssid()))).ifPresent(found::add);
    return new ArrayList<>(found);
  }

  private static Beacon beacon(AccessPoint ap) {
    return Beacon.of(ap.ssid(), !ap.password().isEmpty());
  }

  /** The station MAC of a device: Espressif's OUI and three bytes derived from its name. */
  static String stationMac(String deviceName) {
    return mac(stationMacBytes(deviceName));
  }

  /** The softAP MAC: the station MAC plus one, as on an ESP32. */
  static String softApMac(String deviceName) {
    byte[] m = stationMacBytes(deviceName);
    m[5]++;
    return mac(m);
  }

  private static byte[] stationMacBytes(String deviceName) {
    byte[] h = digest("sta:" + deviceName);
    byte[] m = new byte[6];
    System.arraycopy(ESPRESSIF_OUI, 0, m, 0, 3);
    System.arraycopy(h, 0, m, 3, 3);
    m[5] &= (byte) 0xfe; // room for the softAP's +1 without a carry
    return m;
  }

  private static String mac(byte[] b) {
    return HexFormat.ofDelimiter(":").formatHex(b, 0, 6);
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
