package dev.espat.emulator.trace;

import java.time.Instant;

/**
 * One entry of a device's trace: what crossed its UART, or what it did.
 *
 * @param time when
 * @param device which device
 * @param direction which way
 * @param text the bytes, escaped ({@code \r}, {@code \n}, {@code \xNN}) and with secrets masked
 */
public record TraceEvent(Instant time, String device, Direction direction, String text) {

  /** Which way the bytes went. */
  public enum Direction {
    /** Host to device: a command line or data-mode bytes. */
    IN(">"),
    /** Device to host. */
    OUT("<"),
    /** Something the device did: boot, join, a host attaching. */
    NOTE("#");

    private final String mark;

    Direction(String mark) {
      this.mark = mark;
    }

    public String mark() {
      return mark;
    }
  }

  /** The line written to a trace file: {@code 2026-11-23T20:01:02.345Z dev0 > AT\r\n}. */
  public String line() {
    return time + " " + device + " " + direction.mark() + " " + text;
  }
}
