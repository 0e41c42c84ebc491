package dev.espat.emulator.command;

import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ParameterException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AT+CIPSNTPCFG and what AT+CIPSNTPTIME? shows (P-45). Held in RAM: the firmware does not store it.
 *
 * <pre>{@code
 * AT+CIPSNTPCFG=1,8,"cn.ntp.org.cn"   ->  AT+CIPSNTPCFG?  +CIPSNTPCFG:1,8,"cn.ntp.org.cn"
 * AT+CIPSNTPTIME?                     ->  +CIPSNTPTIME:Tue Oct 19 17:47:56 2021
 * }</pre>
 */
final class SntpSettings {

  /** The servers the firmware uses when SNTP is enabled without any. */
  static final List<String> DEFAULT_SERVERS = List.of("cn.ntp.org.cn", "ntp.sjtu.edu.cn", "us.pool.ntp.org");

  /** C's asctime() without its newline: {@code Thu Jan  1 00:00:00 1970}. */
  static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

  /**
   * A time zone as AT+CIPSNTPCFG takes it: whole hours in -12..14, or {@code [+|-]hhmm}.
   *
   * @param shown what the query prints: the hours (the firmware drops the minutes)
   * @param offset the offset from UTC
   */
  record TimeZone(int shown, ZoneOffset offset) {
    static final TimeZone UTC = new TimeZone(0, ZoneOffset.UTC);

    /** Reads the field at a 1-based index; {@code 015} is 00:15 and shows as 0, as the firmware does. */
    static TimeZone read(AtCommand cmd, int index) {
      int value = cmd.integer(index);
      if (value >= -12 && value <= 14) {
        return new TimeZone(value, ZoneOffset.ofHours(value));
      }
      int sign = value < 0 ? -1 : 1;
      int hours = sign * (Math.abs(value) / 100);
      int minutes = Math.abs(value) % 100;
      if (hours < -12 || hours > 14 || minutes > 59) {
        throw new ParameterException(index, "is " + value + ", neither hours in -12..14 nor [+|-]hhmm");
      }
      return new TimeZone(hours, ZoneOffset.ofHoursMinutes(hours, sign * minutes));
    }
  }

  private boolean enabled;
  private TimeZone zone = TimeZone.UTC;
  private List<String> servers = List.of();

  /** {@code AT+CIPSNTPCFG=<enable>[,<timezone>][,<"server1">][,<"server2">][,<"server3">]}. */
  void set(AtCommand cmd) {
    cmd.requireParameterCount(1, 5);
    boolean on = cmd.integer(1, 0, 1) == 1;
    TimeZone newZone = cmd.isOmitted(2) ? TimeZone.UTC : TimeZone.read(cmd, 2);
    List<String> named = new ArrayList<>();
    for (int i = 3; i <= 5; i++) {
      cmd.optionalString(i).ifPresent(named::add);
    }
    enabled = on;
    zone = newZone;
    servers = !on ? List.of() : named.isEmpty() ? DEFAULT_SERVERS : List.copyOf(named);
  }

  /** {@code 1,<timezone>,"server",...} when enabled, {@code 0,<timezone>} when not. */
  String query() {
    StringBuilder s = new StringBuilder().append(enabled ? 1 : 0).append(',').append(zone.shown());
    servers.forEach(server -> s.append(",\"").append(server).append('"'));
    return s.toString();
  }

  /**
   * The local time once SNTP runs and the station is online; before that the device's clock still
   * stands at the epoch (shown in the configured zone once SNTP is enabled, as the firmware sets TZ).
   */
  String time(Clock clock, boolean online) {
    Instant now = enabled && online ? clock.instant() : Instant.EPOCH;
    return ASCTIME.format(now.atOffset(enabled ? zone.offset() : ZoneOffset.UTC));
  }
}
