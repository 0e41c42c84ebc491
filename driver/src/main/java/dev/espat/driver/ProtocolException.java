package dev.espat.driver;

/**
 * The device's answer broke the protocol in a way the driver cannot read past: a response larger
 * than the configured limit, a data prompt nobody asked for, a device that never answers
 * {@code AT} with {@code OK} when the driver resynchronises.
 *
 * <pre>{@code
 * catch (ProtocolException e) {
 *   log.warn(e.getMessage());   // says what was wrong and with which command
 * }
 * }</pre>
 */
public class ProtocolException extends AtException {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String command, String message) {
    super(command, message);
  }
}
