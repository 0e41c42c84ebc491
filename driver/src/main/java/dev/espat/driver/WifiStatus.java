package dev.espat.driver;

import java.util.Optional;

/**
 * Where the station stands, as {@code AT+CWSTATE?} reports it (P-42).
 *
 * <pre>{@code
 * WifiStatus s = esp.wifi().status();
 * if (s.state() == WifiStatus.State.GOT_IP) { use(s.ssid().orElseThrow()); }
 * }</pre>
 *
 * @param state the station's state
 * @param ssid the network it is joined to or joining, when it names one
 */
public record WifiStatus(State state, Optional<String> ssid) {

  /** The states of {@code +CWSTATE:<state>} with their numbers. */
  public enum State {
    NOT_STARTED(0),
    CONNECTED_NO_IP(1),
    GOT_IP(2),
    CONNECTING(3),
    DISCONNECTED(4);

    private final int code;

    State(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    /** The state with this number. */
    public static State of(int code) {
      for (State s : values()) {
        if (s.code == code) {
          return s;
        }
      }
      throw new IllegalArgumentException("+CWSTATE state " + code + " is not 0..4 (P-42)");
    }
  }

  /** Whether the station has an address: what network commands need (P-43). */
  public boolean hasIp() {
    return state == State.GOT_IP;
  }

  /**
   * Reads the value of {@code +CWSTATE:<state>,"<ssid>"}.
   *
   * @throws IllegalArgumentException naming the value when it is not of that form
   */
  static WifiStatus parse(String value) {
    int comma = value.indexOf(',');
    String number = comma < 0 ? value : value.substring(0, comma);
    try {
      State state = State.of(Integer.parseInt(number.strip()));
      String ssid = comma < 0 ? "" : unquote(value.substring(comma + 1));
      return new WifiStatus(state, ssid.isEmpty() ? Optional.empty() : Optional.of(ssid));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("+CWSTATE:" + value + " does not start with a state number", e);
    }
  }

  private static String unquote(String s) {
    String t = s.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }
}
