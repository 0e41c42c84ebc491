package dev.espat.emulator.command;

import static dev.espat.grammar.CommandType.EXECUTE;
import static dev.espat.grammar.CommandType.QUERY;
import static dev.espat.grammar.CommandType.SET;

import dev.espat.emulator.device.CommandFamily;
import dev.espat.emulator.device.CommandSpec;
import dev.espat.emulator.device.Exchange;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ParameterException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * TCP/IP commands host drivers send at start-up (P-45): AT+CIPSTA?, AT+CIFSR, AT+CIPSNTPCFG,
 * AT+CIPSNTPTIME?, AT+CIPMUX, AT+CIPDINFO, AT+CIPDOMAIN.
 *
 * <pre>{@code
 * > AT+CIPDOMAIN="localhost"
 * < +CIPDOMAIN:"127.0.0.1"
 * <
 * < OK
 * }</pre>
 */
public final class NetworkCommands implements CommandFamily {

  /** Name lookups block; they run here, off the device thread, and answer through the exchange. */
  private static final Executor RESOLVER = task -> Thread.ofVirtual().name("esp-at-dns").start(task);

  /** Settings in RAM: lost on AT+RST, none of them stored. */
  static final class Ram {
    int mux;
    boolean dinfo;
    final SntpSettings sntp = new SntpSettings();
  }

  @Override
  public List<CommandSpec> commands() {
    return List.of(
        CommandSpec.named("+CIPSTA").on(QUERY, NetworkCommands::stationAddress),
        CommandSpec.named("+CIFSR").on(EXECUTE, NetworkCommands::localAddresses),
        CommandSpec.named("+CIPSNTPCFG")
            .on(QUERY, (cmd, ex) -> answer(ex, "CIPSNTPCFG", ram(ex).sntp.query()))
            .on(SET, (cmd, ex) -> {
              ram(ex).sntp.set(cmd);
              ex.ok();
            }),
        CommandSpec.named("+CIPSNTPTIME").on(QUERY, (cmd, ex) ->
            answer(ex, "CIPSNTPTIME", ram(ex).sntp.time(ex.options().clock(), WifiStation.hasIp(ex.state())))),
        CommandSpec.named("+CIPMUX")
            .on(QUERY, (cmd, ex) -> answer(ex, "CIPMUX", Integer.toString(ram(ex).mux)))
            .on(SET, (cmd, ex) -> {
              cmd.requireParameterCount(1, 1);
              ram(ex).mux = cmd.integer(1, 0, 1);
              ex.ok();
            }),
        CommandSpec.named("+CIPDINFO")
            .on(QUERY, (cmd, ex) -> answer(ex, "CIPDINFO", Boolean.toString(ram(ex).dinfo)))
            .on(SET, (cmd, ex) -> {
              cmd.requireParameterCount(1, 1);
              ram(ex).dinfo = cmd.integer(1, 0, 1) == 1;
              ex.ok();
            }),
        CommandSpec.named("+CIPDOMAIN").on(SET, NetworkCommands::resolve));
  }

  private static Ram ram(Exchange ex) {
    return ex.ram(Ram.class, Ram::new);
  }

  private static void answer(Exchange ex, String name, String value) {
    ex.information(name, value);
    ex.ok();
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }

  /** {@code +CIPSTA:ip:"..."}, {@code gateway}, {@code netmask}; all {@code 0.0.0.0} before a join. */
  private static void stationAddress(AtCommand cmd, Exchange ex) {
    if (!WifiCommands.station(ex).stationEnabled()) {
      ex.error(WifiCommands.EXECUTION_FAILED);
      return;
    }
    boolean online = WifiStation.hasIp(ex.state());
    ex.information("CIPSTA", "ip:" + quoted(online ? SimulatedNetwork.STATION_IP : SimulatedNetwork.NO_ADDRESS));
    ex.information("CIPSTA", "gateway:" + quoted(online ? SimulatedNetwork.GATEWAY : SimulatedNetwork.NO_ADDRESS));
    ex.information("CIPSTA", "netmask:" + quoted(online ? SimulatedNetwork.NETMASK : SimulatedNetwork.NO_ADDRESS));
    ex.ok();
  }

  /** {@code +CIFSR:APIP,...}, {@code APMAC} in softAP modes, {@code STAIP}, {@code STAMAC} in station modes. */
  private static void localAddresses(AtCommand cmd, Exchange ex) {
    int mode = WifiCommands.station(ex).mode();
    if (mode == 0) {
      ex.error(WifiCommands.EXECUTION_FAILED);
      return;
    }
    if (mode >= 2) {
      ex.information("CIFSR", "APIP," + quoted(SimulatedNetwork.SOFTAP_IP));
      ex.information("CIFSR", "APMAC," + quoted(SimulatedNetwork.softApMac(ex.deviceName())));
    }
    if (WifiStation.hasStation(mode)) {
      boolean online = WifiStation.hasIp(ex.state());
      ex.information("CIFSR", "STAIP," + quoted(online ? SimulatedNetwork.STATION_IP : SimulatedNetwork.NO_ADDRESS));
      ex.information("CIFSR", "STAMAC," + quoted(SimulatedNetwork.stationMac(ex.deviceName())));
    }
    ex.ok();
  }

  /**
   * {@code AT+CIPDOMAIN=<"domain name">[,<ip network>][,<timeout>][,<show_all_ip>]}: resolved by the
   * machine's resolver, off the device thread; the device stays busy meanwhile (P-10).
   */
  private static void resolve(AtCommand cmd, Exchange ex) {
    cmd.requireParameterCount(1, 4);
    String name = cmd.string(1);
    if (name.isEmpty()) {
      throw new ParameterException(1, "is an empty domain name");
    }
    int network = cmd.optionalInteger(2, 1, 3).orElse(1);
    int timeoutMillis = cmd.optionalInteger(3, 0, 60_000).orElse(0);
    boolean all = cmd.optionalInteger(4, 0, 1).orElse(0) == 1;
    if (!WifiStation.hasIp(ex.state())) {
      ex.error(WifiCommands.EXECUTION_FAILED);
      return;
    }
    CompletableFuture<List<InetAddress>> lookup = CompletableFuture.supplyAsync(() -> lookUp(name, network), RESOLVER);
    if (timeoutMillis > 0) {
      lookup = lookup.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }
    lookup.whenComplete((addresses, failure) -> ex.onDevice(() -> {
      if (failure != null || addresses.isEmpty()) {
        ex.note("AT+CIPDOMAIN: \"" + name + "\" did not resolve"
            + (failure == null ? "" : ": " + failure.getClass().getSimpleName()));
        ex.error(WifiCommands.EXECUTION_FAILED);
        return;
      }
      addresses.stream().limit(all ? addresses.size() : 1)
          .forEach(a -> ex.information("CIPDOMAIN", quoted(a.getHostAddress())));
      ex.ok();
    }));
  }

  /** 1: IPv4 first, 2: IPv4 only, 3: IPv6 only. */
  private static List<InetAddress> lookUp(String name, int network) {
    try {
      List<InetAddress> found = Arrays.asList(InetAddress.getAllByName(name));
      List<InetAddress> v4 = found.stream().filter(Inet4Address.class::isInstance).toList();
      List<InetAddress> v6 = found.stream().filter(Inet6Address.class::isInstance).toList();
      return switch (network) {
        case 2 -> v4;
        case 3 -> v6;
        default -> Stream.concat(v4.stream(), v6.stream()).toList();
      };
    } catch (UnknownHostException e) {
      throw new CompletionException(e);
    }
  }
}
