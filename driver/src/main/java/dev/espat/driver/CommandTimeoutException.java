package dev.espat.driver;

import java.time.Duration;

/**
 * A command got no final result in time. The message names the command (secrets masked), what
 * had been received for it so far and how long the driver waited, so that a log line alone tells
 * what hung. The device may still be running the command: the next one may meet
 * {@code busy p...}, which the driver retries (P-10).
 *
 * <pre>{@code
 * catch (CommandTimeoutException e) {
 *   // "AT+CWJAP="home","***" got no final result within 20000 ms; received: WIFI DISCONNECT"
 *   e.elapsed();
 * }
 * }</pre>
 */
public class CommandTimeoutException extends AtException {
  private static final long serialVersionUID = 1L;

  private final Duration elapsed;
  private final String received;

  public CommandTimeoutException(String command, String waitingFor, Duration elapsed, String received) {
    super(command, command + " got no " + waitingFor + " within " + elapsed.toMillis() + " ms; received so far: "
        + (received.isEmpty() ? "nothing" : received));
    this.elapsed = elapsed;
    this.received = received;
  }

  /** How long the driver waited. */
  public Duration elapsed() {
    return elapsed;
  }

  /** What arrived for the command before the timeout, as text with secrets masked. */
  public String received() {
    return received;
  }
}
