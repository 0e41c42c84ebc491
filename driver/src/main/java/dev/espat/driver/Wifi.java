package dev.espat.driver;

import dev.espat.grammar.AtCommand;
import dev.espat.grammar.Parameter;
import java.time.Duration;
import java.util.Optional;

/**
 * The station interface of a device (P-41, P-42): join a network, leave it, ask where it stands.
 * The device must be in station mode ({@code AT+CWMODE=1} or 3, the factory setting).
 *
 * <pre>{@code
 * Wifi wifi = esp.wifi();
 * wifi.join("espressif", "1234567890");    // WIFI CONNECTED, WIFI GOT IP, OK
 * wifi.status().hasIp();                  // true
 * wifi.leave();                           // WIFI DISCONNECT, OK
 * }</pre>
 */
public final class Wifi {
  /** The firmware's own join timeout when the command names none (jap_timeout, P-42). */
  public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(15);

  /** Extra time the host waits beyond the device's own join timeout before giving up on it. */
  static final Duration HOST_MARGIN = Duration.ofSeconds(5);

  private final EspAt esp;

  Wifi(EspAt esp) {
    this.esp = esp;
  }

  /**
   * Joins a network with the firmware's default join timeout (15 s).
   *
   * @throws WifiJoinException one of its four types for {@code +CWJAP:1..4}
   * @throws CommandFailedException when the join fails otherwise (no station mode)
   */
  public Response join(String ssid, String password) {
    return join(AtCommand.set("+CWJAP", Parameter.string(ssid), Parameter.string(password)), DEFAULT_JOIN_TIMEOUT);
  }

  /**
   * Joins a network, letting the device try for {@code timeout} (jap_timeout, 3..600 s) through
   * the long form of AT+CWJAP.
   */
  public Response join(String ssid, String password, Duration timeout) {
    long seconds = Math.max(1, timeout.toSeconds());
    Parameter none = Parameter.omitted();
    return join(AtCommand.set("+CWJAP", Parameter.string(ssid), Parameter.string(password), none, none, none, none,
        none, Parameter.integer(seconds)), Duration.ofSeconds(seconds));
  }

  private Response join(AtCommand command, Duration deviceTimeout) {
    try {
      return esp.execute(command, deviceTimeout.plus(HOST_MARGIN));
    } catch (CommandFailedException e) {
      Optional<WifiJoinException> typed = e.response().firstInformation("CWJAP")
          .flatMap(Wifi::code)
          .map(code -> WifiJoinException.of(e.response(), code));
      throw typed.isPresent() ? typed.get() : e;
    }
  }

  private static Optional<Integer> code(String value) {
    try {
      return Optional.of(Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Leaves the network ({@code AT+CWQAP}); {@code WIFI DISCONNECT} reaches listeners if it was joined. */
  public Response leave() {
    return esp.execute(AtCommand.execute("+CWQAP"));
  }

  /** Where the station stands ({@code AT+CWSTATE?}). */
  public WifiStatus status() {
    Response r = esp.execute(AtCommand.query("+CWSTATE"));
    String value = r.firstInformation("CWSTATE").orElseThrow(
        () -> new ProtocolException(r.command(), r.command() + " answered OK without a +CWSTATE line"));
    try {
      return WifiStatus.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(r.command(), e.getMessage());
    }
  }
}
