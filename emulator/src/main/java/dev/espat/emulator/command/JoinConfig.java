package dev.espat.emulator.command;

import dev.espat.emulator.firmware.FirmwareProfile;
import dev.espat.emulator.firmware.FirmwareVersion;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What AT+CWJAP was asked to join (P-42): the short form {@code "ssid","pwd"} and the long form
 * {@code "ssid","pwd","bssid",pci_en,reconn_interval,listen_interval,scan_mode,jap_timeout,pmf}.
 * The password never leaves this record in text: {@link #toString()} masks it.
 *
 * @param ssid the network's name
 * @param password its password; empty for an open network
 * @param bssid the access point's MAC when the host named one
 * @param pciEn 1: refuse open and WEP networks
 * @param reconnInterval seconds between reconnections (0: none)
 * @param listenInterval beacon intervals between listens
 * @param scanMode 0 fast, 1 all channels
 * @param timeoutSeconds jap_timeout: how long the join may take before {@code +CWJAP:1}
 * @param pmf protected management frames bits
 */
record JoinConfig(
    String ssid,
    String password,
    Optional<String> bssid,
    int pciEn,
    int reconnInterval,
    int listenInterval,
    int scanMode,
    int timeoutSeconds,
    int pmf) {

  /** The longest SSID 802.11 allows, in bytes. */
  static final int MAX_SSID_BYTES = 32;

  /** The longest password: 63 ASCII characters or 64 hex digits (4.1 documents 63, 2.x and later 64). */
  static final int MAX_PASSWORD_BYTES = 64;

  private static final Pattern MAC = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}");

  /**
   * Reads the set form. An omitted SSID and password mean the last configuration (the firmware's
   * {@code AT+CWJAP=,}); omitted later fields take the documented defaults.
   *
   * @throws ParameterException naming the first field that is wrong (P-09)
   */
  static JoinConfig read(AtCommand cmd, Optional<JoinConfig> last, FirmwareProfile firmware) {
    cmd.requireParameterCount(2, 9);
    String ssid;
    String password;
    if (cmd.isOmitted(1)) {
      JoinConfig previous = last.orElseThrow(
          () -> new ParameterException(1, "is empty and no network was joined before"));
      ssid = previous.ssid;
      password = cmd.optionalString(2).orElse(previous.password);
    } else {
      ssid = cmd.string(1);
      password = cmd.optionalString(2).orElse("");
    }
    if (ssid.isEmpty()) {
      throw new ParameterException(1, "is an empty SSID");
    }
    requireLength(1, ssid, MAX_SSID_BYTES);
    requireLength(2, password, MAX_PASSWORD_BYTES);
    Optional<String> bssid = cmd.optionalString(3);
    if (bssid.isPresent() && !MAC.matcher(bssid.get()).matches()) {
      throw new ParameterException(3, "is not a MAC address like \"ca:d7:19:d8:a6:44\"");
    }
    return new JoinConfig(ssid, password, bssid.map(String::toLowerCase),
        cmd.optionalInteger(4, 0, 1).orElse(0),
        cmd.optionalInteger(5, 0, 7200).orElse(1),
        cmd.optionalInteger(6, 1, 100).orElse(3),
        cmd.optionalInteger(7, 0, 1).orElse(0),
        cmd.optionalInteger(8, 3, 600).orElse(15),
        cmd.optionalInteger(9, 0, 3).orElse(defaultPmf(firmware)));
  }

  /** PMF became "capable" (1) by default in 3.0; 2.x documents 0. */
  private static int defaultPmf(FirmwareProfile firmware) {
    return firmware.has(FirmwareVersion.V3_0) ? 1 : 0;
  }

  private static void requireLength(int index, String value, int max) {
    int length = value.getBytes(StandardCharsets.UTF_8).length;
    if (length > max) {
      throw new ParameterException(index, "is " + length + " bytes long, over " + max);
    }
  }

  boolean secured() {
    return !password.isEmpty();
  }

  @Override
  public String toString() {
    return "JoinConfig[\"" + ssid + "\", password ***" + bssid.map(b -> ", bssid " + b).orElse("") + "]";
  }
}
