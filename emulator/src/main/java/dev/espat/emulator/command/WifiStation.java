package dev.espat.emulator.command;

import dev.espat.emulator.command.SimulatedNetwork.Beacon;
import dev.espat.emulator.device.DeviceState;
import java.util.Optional;

/**
 * The station interface in RAM (P-41, P-42): the mode, the network it was last told to join and
 * where a join stands. Lost on AT+RST; at boot it starts from {@link WifiSettings}.
 *
 * <p>Other families ask {@link #hasIp(DeviceState)} before using the network (P-43):
 *
 * <pre>{@code
 * if (!WifiStation.hasIp(exchange.state())) {
 *   exchange.error(ErrorCode.HTTP_CONNECTION_FAILED);   // 0x010a7000
 *   return;
 * }
 * }</pre>
 */
public final class WifiStation {

  /** The states AT+CWSTATE? reports, with their numbers. */
  enum State {
    NOT_STARTED(0), CONNECTED_NO_IP(1), GOT_IP(2), CONNECTING(3), DISCONNECTED(4);

    private final int code;

    State(int code) {
      this.code = code;
    }

    int code() {
      return code;
    }

    /** The name {@link WifiStatus} shows: {@code got-ip}... */
    String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private final DeviceState device;
  private int mode;
  private Optional<JoinConfig> config;
  private State state = State.NOT_STARTED;
  private Optional<Beacon> joined = Optional.empty();
  private long attempt;

  private WifiStation(DeviceState device, WifiSettings flash) {
    this.device = device;
    mode = flash.mode;
    config = flash.saved;
    publish();
  }

  static WifiStation of(DeviceState state) {
    return state.ram(WifiStation.class, () -> new WifiStation(state, WifiSettings.of(state)));
  }

  /** Every change ends here, so that {@link WifiStatus} always shows the station as it is. */
  private void publish() {
    device.publish(WifiStatus.class, new WifiStatus(mode, state.label(), ssid(),
        state == State.GOT_IP ? SimulatedNetwork.STATION_IP : SimulatedNetwork.NO_ADDRESS));
  }

  int mode() {
    return mode;
  }

  void setMode(int newMode) {
    mode = newMode;
    publish();
  }

  /** Whether the station has an IPv4 address: what network commands need (P-43). */
  public static boolean hasIp(DeviceState state) {
    return of(state).state == State.GOT_IP;
  }

  static boolean hasStation(int mode) {
    return mode == 1 || mode == 3;
  }

  boolean stationEnabled() {
    return hasStation(mode);
  }

  State state() {
    return state;
  }

  boolean isConnected() {
    return state == State.GOT_IP || state == State.CONNECTED_NO_IP;
  }

  /** The network last asked for, from this session or from flash. */
  Optional<JoinConfig> config() {
    return config;
  }

  /** The access point it is connected to. */
  Optional<Beacon> joined() {
    return joined;
  }

  /** A join starts; any earlier attempt still pending is superseded. Returns its number. */
  long begin(JoinConfig target) {
    attempt++;
    config = Optional.of(target);
    state = State.CONNECTING;
    joined = Optional.empty();
    publish();
    return attempt;
  }

  /** Whether a join is still the latest thing asked of the station. */
  boolean isCurrent(long joinAttempt) {
    return attempt == joinAttempt && state == State.CONNECTING;
  }

  void joined(Beacon ap) {
    state = State.GOT_IP;
    joined = Optional.of(ap);
    publish();
  }

  void failed() {
    state = State.DISCONNECTED;
    joined = Optional.empty();
    publish();
  }

  /**
   * Leaves the network (AT+CWQAP, a new AT+CWJAP, a mode without station) and cancels a pending
   * join. Returns whether it was connected, that is whether {@code WIFI DISCONNECT} is due.
   */
  boolean disconnect(State after) {
    boolean was = isConnected();
    attempt++;
    if (was || state == State.CONNECTING || after == State.NOT_STARTED) {
      state = after;
    }
    joined = Optional.empty();
    publish();
    return was;
  }

  /** A number that changes whenever the station is asked to join or leave: a pending step checks it. */
  long attempt() {
    return attempt;
  }

  /** The SSID AT+CWSTATE? shows: of the network joined or last asked for. */
  String ssid() {
    return config.map(JoinConfig::ssid).orElse("");
  }
}
