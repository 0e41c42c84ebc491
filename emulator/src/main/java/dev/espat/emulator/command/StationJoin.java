package dev.espat.emulator.command;

import dev.espat.emulator.command.SimulatedNetwork.JoinOutcome;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.DeviceOptions;
import dev.espat.emulator.device.DeviceState;
import dev.espat.emulator.device.Exchange;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One join as the firmware runs it (P-42, P-51), for AT+CWJAP and for the joins nobody waits for
 * (auto-connect after boot, AT+CWMODE back to station mode): {@code WIFI DISCONNECT} first when
 * connected, then after the join delay either {@code WIFI CONNECTED} and {@code WIFI GOT IP}, or a
 * failure. A join that takes longer than its jap_timeout ends in {@link JoinOutcome#TIMEOUT}.
 */
final class StationJoin {
  private StationJoin() {}

  /**
   * Where a join writes and waits: a running exchange or the boot context.
   *
   * @param state the device's state
   * @param options the device's options (access points, join delay)
   * @param line writes an unsolicited line such as {@code WIFI CONNECTED}
   * @param later runs a step later on the device thread, unless the device was reset
   * @param note adds a note to the trace
   */
  record Context(
      DeviceState state,
      DeviceOptions options,
      Consumer<String> line,
      BiConsumer<Duration, Runnable> later,
      Consumer<String> note) {

    static Context of(Exchange ex) {
      return new Context(ex.state(), ex.options(), ex::text, ex::later, ex::note);
    }

    static Context of(Device.BootContext boot) {
      return new Context(boot.state(), boot.options(), boot::text, boot::later, boot::note);
    }
  }

  /** Starts a join; {@code done} hears its outcome unless something else supersedes it first. */
  static void start(Context context, JoinConfig config, Consumer<JoinOutcome> done) {
    WifiStation station = WifiStation.of(context.state());
    if (station.disconnect(WifiStation.State.DISCONNECTED)) {
      context.line().accept("WIFI DISCONNECT");
    }
    long attempt = station.begin(config);
    Duration delay = context.options().joinDelay();
    Duration limit = Duration.ofSeconds(config.timeoutSeconds());
    boolean timesOut = delay.compareTo(limit) > 0;
    context.later().accept(timesOut ? limit : delay, () -> {
      if (!station.isCurrent(attempt)) {
        return; // AT+CWQAP, AT+CWMODE or another join came first
      }
      SimulatedNetwork network = new SimulatedNetwork(context.options());
      JoinOutcome outcome = timesOut ? JoinOutcome.TIMEOUT : network.join(config);
      if (outcome == JoinOutcome.JOINED) {
        // The state first: whoever reads the lines and then asks (the admin API) sees it joined.
        station.joined(network.joined(config));
        context.line().accept("WIFI CONNECTED");
        context.line().accept("WIFI GOT IP");
        context.note().accept("joined \"" + config.ssid() + "\"");
      } else {
        station.failed();
        context.note().accept("joining \"" + config.ssid() + "\" failed: " + outcome);
      }
      done.accept(outcome);
    });
  }

  /** A join in the background: its outcome shows only in the lines it writes and in AT+CWSTATE?. */
  static void background(Context context, JoinConfig config) {
    start(context, config, outcome -> { });
  }
}
