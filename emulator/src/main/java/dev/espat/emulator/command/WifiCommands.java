package dev.espat.emulator.command;

import static dev.espat.grammar.CommandType.EXECUTE;
import static dev.espat.grammar.CommandType.QUERY;
import static dev.espat.grammar.CommandType.SET;
import static dev.espat.grammar.CommandType.TEST;

import dev.espat.emulator.command.SimulatedNetwork.Beacon;
import dev.espat.emulator.command.SimulatedNetwork.JoinOutcome;
import dev.espat.emulator.device.CommandFamily;
import dev.espat.emulator.device.CommandSpec;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.Exchange;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.SubCategory;
import java.util.List;
import java.util.Optional;

/**
 * Wi-Fi station commands (P-41, P-42, P-45): AT+CWMODE, AT+CWJAP, AT+CWQAP, AT+CWSTATE, AT+CWLAP,
 * AT+CWAUTOCONN, and the auto-connect after boot.
 *
 * <pre>{@code
 * > AT+CWJAP="espressif","1234567890"
 * < WIFI CONNECTED
 * < WIFI GOT IP
 * <
 * < OK
 * }</pre>
 */
public final class WifiCommands implements CommandFamily {

  /** A command the device cannot carry out now: no station mode, no network (ESP-AT uses 0x010a0000). */
  static final ErrorCode EXECUTION_FAILED = ErrorCode.of(SubCategory.COMMAND_EXECUTION_FAILED, 0);

  @Override
  public List<CommandSpec> commands() {
    return List.of(
        CommandSpec.named("+CWMODE")
            .on(QUERY, (cmd, ex) -> answer(ex, "CWMODE", Integer.toString(station(ex).mode())))
            .on(TEST, (cmd, ex) -> answer(ex, "CWMODE", "(0-3)"))
            .on(SET, WifiCommands::setMode),
        CommandSpec.named("+CWJAP")
            .on(QUERY, WifiCommands::queryJoined)
            .on(SET, (cmd, ex) -> join(ex, JoinConfig.read(cmd, station(ex).config(), ex.firmware())))
            .on(EXECUTE, WifiCommands::rejoin),
        CommandSpec.named("+CWQAP").on(EXECUTE, WifiCommands::quit),
        CommandSpec.named("+CWSTATE").on(QUERY, (cmd, ex) -> {
          WifiStation station = station(ex);
          answer(ex, "CWSTATE", station.state().code() + ",\"" + station.ssid() + "\"");
        }),
        CommandSpec.named("+CWLAP")
            .on(EXECUTE, (cmd, ex) -> scan(ex, ScanFilter.ANY))
            .on(SET, (cmd, ex) -> scan(ex, ScanFilter.read(cmd))),
        CommandSpec.named("+CWAUTOCONN")
            .on(QUERY, (cmd, ex) -> answer(ex, "CWAUTOCONN", WifiSettings.of(ex.state()).autoConnect ? "1" : "0"))
            .on(SET, (cmd, ex) -> {
              cmd.requireParameterCount(1, 1);
              // Always stored, whatever AT+SYSSTORE says.
              WifiSettings.of(ex.state()).autoConnect = cmd.integer(1, 0, 1) == 1;
              ex.ok();
            }));
  }

  /** After {@code ready}: with auto-connect on and a stored network, the station joins by itself. */
  @Override
  public void onBoot(Device.BootContext context) {
    WifiStation.of(context.state()); // the station starts, and its status is published
    WifiSettings flash = WifiSettings.of(context.state());
    if (flash.autoConnect && WifiStation.hasStation(flash.mode) && flash.saved.isPresent()) {
      context.note("auto-connect to \"" + flash.saved.get().ssid() + "\"");
      StationJoin.background(StationJoin.Context.of(context), flash.saved.get());
    }
  }

  /**
   * The access point drops the station (a deauthentication, the AP going away): {@code WIFI
   * DISCONNECT} and no IP. As the firmware does, the station then joins again after the
   * {@code reconn_interval} of its last AT+CWJAP (0: never), unless the host asks for something
   * else first (AT+CWQAP, AT+CWJAP, AT+CWMODE). Nothing happens when the station is not connected.
   * On the device thread.
   *
   * @return whether the station was connected
   */
  public static boolean dropStation(Device.BootContext context) {
    WifiStation station = WifiStation.of(context.state());
    if (!station.disconnect(WifiStation.State.DISCONNECTED)) {
      context.note("the access point dropped nobody: the station is not connected");
      return false;
    }
    context.text("WIFI DISCONNECT");
    Optional<JoinConfig> config = station.config();
    int interval = config.map(JoinConfig::reconnInterval).orElse(0);
    if (interval == 0) {
      context.note("the access point dropped the station; reconn_interval 0: it stays disconnected");
      return true;
    }
    context.note("the access point dropped the station; it joins again in " + interval + " s (reconn_interval)");
    long after = station.attempt();
    context.later(java.time.Duration.ofSeconds(interval), () -> {
      if (station.attempt() == after && WifiStation.of(context.state()) == station) {
        StationJoin.background(StationJoin.Context.of(context), config.get());
      }
    });
    return true;
  }

  static WifiStation station(Exchange ex) {
    return WifiStation.of(ex.state());
  }

  private static void answer(Exchange ex, String name, String value) {
    ex.information(name, value);
    ex.ok();
  }

  /** P-41: {@code AT+CWMODE=<mode>[,<auto_connect>]}; stored with AT+SYSSTORE=1. */
  private static void setMode(AtCommand cmd, Exchange ex) {
    cmd.requireParameterCount(1, 2);
    int mode = cmd.integer(1, 0, 3);
    boolean autoConnect = cmd.optionalInteger(2, 0, 1).orElse(1) == 1;
    WifiStation station = station(ex);
    boolean hadStation = station.stationEnabled();
    station.setMode(mode);
    if (BasicCommands.storeSettings(ex)) {
      WifiSettings.of(ex.state()).mode = mode;
    }
    ex.ok();
    if (hadStation && !station.stationEnabled()) {
      if (station.disconnect(WifiStation.State.NOT_STARTED)) {
        ex.text("WIFI DISCONNECT");
      }
    } else if (!hadStation && station.stationEnabled() && autoConnect) {
      WifiSettings.of(ex.state()).saved.ifPresent(saved -> StationJoin.background(StationJoin.Context.of(ex), saved));
    }
  }

  /** P-42: the join answers after the join delay; until then the device is busy (P-10). */
  private static void join(Exchange ex, JoinConfig config) {
    if (!station(ex).stationEnabled()) {
      ex.error(EXECUTION_FAILED);
      return;
    }
    StationJoin.start(StationJoin.Context.of(ex), config, outcome -> {
      if (outcome == JoinOutcome.JOINED) {
        if (BasicCommands.storeSettings(ex)) {
          WifiSettings.of(ex.state()).saved = Optional.of(config);
        }
        ex.ok();
      } else {
        ex.information("CWJAP", Integer.toString(outcome.code()));
        ex.error(EXECUTION_FAILED);
      }
    });
  }

  /** {@code AT+CWJAP}: joins the last network again. */
  private static void rejoin(AtCommand cmd, Exchange ex) {
    Optional<JoinConfig> last = station(ex).config();
    if (last.isEmpty()) {
      ex.error(EXECUTION_FAILED);
      return;
    }
    join(ex, last.get());
  }

  /**
   * {@code +CWJAP:"ssid","bssid",channel,rssi,pci_en,reconn_interval,listen_interval,scan_mode,pmf}
   * when connected, else {@code No AP}.
   */
  private static void queryJoined(AtCommand cmd, Exchange ex) {
    WifiStation station = station(ex);
    if (!station.stationEnabled()) {
      ex.error(EXECUTION_FAILED);
      return;
    }
    Optional<Beacon> ap = station.joined();
    Optional<JoinConfig> config = station.config();
    if (ap.isEmpty() || config.isEmpty() || !station.isConnected()) {
      ex.text("No AP");
      ex.ok();
      return;
    }
    JoinConfig c = config.get();
    Beacon b = ap.get();
    answer(ex, "CWJAP", "\"" + b.ssid() + "\",\"" + b.bssid() + "\"," + b.channel() + "," + b.rssi() + ","
        + c.pciEn() + "," + c.reconnInterval() + "," + c.listenInterval() + "," + c.scanMode() + "," + c.pmf());
  }

  /** P-42: {@code WIFI DISCONNECT} when connected, then {@code OK}; a pending join is cancelled. */
  private static void quit(AtCommand cmd, Exchange ex) {
    if (station(ex).disconnect(WifiStation.State.DISCONNECTED)) {
      ex.text("WIFI DISCONNECT");
    }
    ex.ok();
  }

  private static void scan(Exchange ex, ScanFilter filter) {
    WifiStation station = station(ex);
    if (!station.stationEnabled()) {
      ex.error(EXECUTION_FAILED);
      return;
    }
    new SimulatedNetwork(ex.options()).scan(station.joined()).stream()
        .filter(filter::matches)
        .forEach(b -> ex.information("CWLAP", "(" + b.scanFields() + ")"));
    ex.ok();
  }

  /** {@code AT+CWLAP=[<"ssid">][,<"mac">][,<channel>][,<scan_type>][,<scan_time_min>][,<scan_time_max>][,<bitmap>]}. */
  private record ScanFilter(Optional<String> ssid, Optional<String> mac, int channel) {
    static final ScanFilter ANY = new ScanFilter(Optional.empty(), Optional.empty(), 0);

    static ScanFilter read(AtCommand cmd) {
      cmd.requireParameterCount(1, 7);
      ScanFilter filter = new ScanFilter(
          cmd.optionalString(1), cmd.optionalString(2), cmd.optionalInteger(3, 0, 14).orElse(0));
      // scan_type and scan times only shape a real scan; they are checked, not used (P-09)
      cmd.optionalInteger(4, 0, 1);
      cmd.optionalInteger(5, 0, 1500);
      cmd.optionalInteger(6, 0, 1500);
      cmd.optionalInteger(7);
      return filter;
    }

    boolean matches(Beacon b) {
      return ssid.map(b.ssid()::equals).orElse(true)
          && mac.map(m -> m.equalsIgnoreCase(b.bssid())).orElse(true)
          && (channel == 0 || channel == b.channel());
    }
  }
}
