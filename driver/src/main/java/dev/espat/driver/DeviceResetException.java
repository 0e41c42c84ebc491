package dev.espat.driver;

/**
 * The device printed {@code ready} while a command was in flight: it restarted under our feet
 * (power, watchdog, a reset from elsewhere), the command is lost and every setting in RAM with it
 * (P-40). Call {@link EspAt#reset()} or reopen to handshake again.
 *
 * <pre>{@code
 * catch (DeviceResetException e) {
 *   esp.reset();
 * }
 * }</pre>
 */
public class DeviceResetException extends AtException {
  private static final long serialVersionUID = 1L;

  public DeviceResetException(String command, String received) {
    super(command, "the device restarted (ready) while " + command + " was in flight; received before: "
        + (received.isEmpty() ? "nothing" : received));
  }
}
