package dev.espat.driver;

import dev.espat.grammar.ErrorCode;
import java.util.Optional;

/**
 * Base of every failure the driver reports about talking to a device. It names the command (with
 * secrets masked by {@link dev.espat.grammar.SecretMasker}) and carries the device's
 * {@link ErrorCode} when the device reported one ({@code AT+SYSLOG=1}, P-14).
 *
 * <pre>{@code
 * try {
 *   esp.wifi().join("home", "secret");
 * } catch (WifiJoinException.WrongPassword e) {
 *   askAgain();
 * } catch (CommandTimeoutException e) {
 *   log.warn(e.getMessage());       // names the command, what came back and how long it took
 * } catch (AtException e) {
 *   e.errorCode().ifPresent(code -> log.warn("device said " + code));
 * }
 * }</pre>
 */
public class AtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String command;
  private final transient ErrorCode errorCode;

  /**
   * @param command the command line as text, already masked; empty when no command was involved
   * @param message what went wrong
   * @param errorCode the device's code, or null
   * @param cause the underlying failure, or null
   */
  public AtException(String command, String message, ErrorCode errorCode, Throwable cause) {
    super(message, cause);
    this.command = command;
    this.errorCode = errorCode;
  }

  public AtException(String command, String message) {
    this(command, message, null, null);
  }

  /** The command this failure is about, secrets masked ({@code AT+CWJAP="home","***"}). */
  public String command() {
    return command;
  }

  /** The code the device printed before {@code ERROR}, with {@code AT+SYSLOG=1}. */
  public Optional<ErrorCode> errorCode() {
    return Optional.ofNullable(errorCode);
  }
}
