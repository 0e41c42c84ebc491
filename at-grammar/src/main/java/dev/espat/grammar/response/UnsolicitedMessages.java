package dev.espat.grammar.response;

import java.util.List;
import java.util.Set;

/** The messages the firmware sends on its own (Espressif's list of AT messages). */
final class UnsolicitedMessages {
  private static final Set<String> EXACT =
      Set.of(
          "WIFI CONNECTED",
          "WIFI GOT IP",
          "WIFI GOT IPv6 LL",
          "WIFI GOT IPv6 GL",
          "WIFI DISCONNECT",
          "CONNECT",
          "CLOSED",
          "+QUITT",
          "+TIME_UPDATED");

  private static final List<String> PREFIXES =
      List.of("+STA_CONNECTED:", "+STA_DISCONNECTED:", "+DIST_STA_IP:", "+ETH_");

  private UnsolicitedMessages() {}

  static boolean matches(String line) {
    if (EXACT.contains(line)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (line.startsWith(prefix)) {
        return true;
      }
    }
    // <link id>,CONNECT and <link id>,CLOSED with multiple connections.
    int comma = line.indexOf(',');
    return comma > 0
        && line.substring(0, comma).chars().allMatch(Character::isDigit)
        && (line.endsWith(",CONNECT") || line.endsWith(",CLOSED"))
        && line.indexOf(',', comma + 1) < 0;
  }
}
