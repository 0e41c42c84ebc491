package dev.espat.conformance.internal;

import java.io.IOException;
import java.time.Duration;

/** The first exchanges of a run: is anybody there, and what firmware is it. */
public final class Probe {
  /** How long the first AT may take to be answered, over all attempts. */
  static final Duration FIRST_ANSWER = Duration.ofSeconds(6);

  private Probe() {}

  /** Whether the device answers {@code AT} with {@code OK}. */
  public static boolean answers(DeviceLink link, Masking masking) throws InterruptedException {
    try {
      return new DeviceCommands(link).sync(System.nanoTime() + FIRST_ANSWER.toNanos(), masking);
    } catch (IOException e) {
      return false;
    }
  }

  /** What {@code AT+GMR} answered (after {@code ATE0}), or nothing when it did not. */
  public static byte[] versions(DeviceLink link, Masking masking) throws InterruptedException {
    DeviceCommands commands = new DeviceCommands(link);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    try {
      commands.command("ATE0", deadline, masking);
      return commands.command("AT+GMR", deadline, masking).bytes();
    } catch (StepFailure | IOException e) {
      return new byte[0];
    }
  }
}
