package dev.espat.driver.internal;

import dev.espat.grammar.AtCommand;
import dev.espat.grammar.SecretMasker;
import java.time.Duration;

/**
 * One command as the channel runs it: the line, the data-mode payload for commands that prompt
 * with {@code >} (P-11), and whether the device restarts after {@code OK} (AT+RST, AT+RESTORE:
 * the channel then waits for {@code ready}, P-40).
 *
 * @param command the command
 * @param payload the bytes to send after the prompt, or null for a command without data mode
 * @param timeout how long to wait for the final result, per send
 * @param readyTimeout how long to wait for {@code ready} after {@code OK}, or null when none comes
 * @param afterOk runs between {@code OK} and {@code ready} (retuning the line to the boot rate)
 */
public record CommandRequest(AtCommand command, byte[] payload, Duration timeout, Duration readyTimeout, Runnable afterOk) {

  public static CommandRequest of(AtCommand command, Duration timeout) {
    return new CommandRequest(command, null, timeout, null, () -> { });
  }

  public static CommandRequest withData(AtCommand command, byte[] payload, Duration timeout) {
    return new CommandRequest(command, payload.clone(), timeout, null, () -> { });
  }

  public static CommandRequest restarting(AtCommand command, Duration timeout, Duration readyTimeout, Runnable afterOk) {
    return new CommandRequest(command, null, timeout, readyTimeout, afterOk);
  }

  /** The line as text with secrets masked, for every message and exception. */
  public String maskedText() {
    return SecretMasker.mask(command.toString());
  }

  boolean expectsReady() {
    return readyTimeout != null;
  }
}
