package dev.espat.emulator.device;

import dev.espat.emulator.firmware.FirmwareProfile;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a simulated device behaves, fixed when it is created.
 *
 * @param firmware the release it emulates
 * @param accessPoints the networks it can join; empty means any SSID and password join (P-42)
 * @param joinDelay how long AT+CWJAP takes (P-51; 0 by default)
 * @param bootDelay from reset to {@code ready} (P-51: about 300 ms on hardware)
 * @param dataModeTimeout leave data mode when the host stops sending for this long; empty (the
 *     firmware's behaviour) waits for ever (P-13)
 * @param clock the time AT+CIPSNTPTIME reports
 * @param baudRate the UART's factory rate, what AT+RESTORE returns to (P-44)
 */
public record DeviceOptions(
    FirmwareProfile firmware,
    List<AccessPoint> accessPoints,
    Duration joinDelay,
    Duration bootDelay,
    Optional<Duration> dataModeTimeout,
    Clock clock,
    int baudRate) {

  public DeviceOptions {
    accessPoints = List.copyOf(accessPoints);
  }

  /** The newest firmware, any network joins at once, 300 ms boot, no data-mode timeout. */
  public static DeviceOptions defaults() {
    return new DeviceOptions(FirmwareProfile.newest(), List.of(), Duration.ZERO, Duration.ofMillis(300),
        Optional.empty(), Clock.systemUTC(), 115_200);
  }

  public DeviceOptions withFirmware(FirmwareProfile profile) {
    return new DeviceOptions(profile, accessPoints, joinDelay, bootDelay, dataModeTimeout, clock, baudRate);
  }

  public DeviceOptions withAccessPoints(List<AccessPoint> aps) {
    return new DeviceOptions(firmware, aps, joinDelay, bootDelay, dataModeTimeout, clock, baudRate);
  }

  public DeviceOptions withJoinDelay(Duration delay) {
    return new DeviceOptions(firmware, accessPoints, delay, bootDelay, dataModeTimeout, clock, baudRate);
  }

  public DeviceOptions withBootDelay(Duration delay) {
    return new DeviceOptions(firmware, accessPoints, joinDelay, delay, dataModeTimeout, clock, baudRate);
  }

  public DeviceOptions withDataModeTimeout(Duration timeout) {
    return new DeviceOptions(firmware, accessPoints, joinDelay, bootDelay, Optional.ofNullable(timeout), clock, baudRate);
  }

  public DeviceOptions withBaudRate(int baud) {
    if (baud < 80 || baud > 5_000_000) {
      throw new IllegalArgumentException("baud rate " + baud + " is outside 80..5000000");
    }
    return new DeviceOptions(firmware, accessPoints, joinDelay, bootDelay, dataModeTimeout, clock, baud);
  }

  public DeviceOptions withClock(Clock c) {
    return new DeviceOptions(firmware, accessPoints, joinDelay, bootDelay, dataModeTimeout, c, baudRate);
  }
}
