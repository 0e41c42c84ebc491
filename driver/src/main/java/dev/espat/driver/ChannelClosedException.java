package dev.espat.driver;

/**
 * The connection to the device is gone: the driver was closed, or the transport ended (a cable
 * pulled, a socket reset). A command in flight fails with this at once, and so does every command
 * after it.
 *
 * <pre>{@code
 * catch (ChannelClosedException e) {
 *   esp = EspAt.open(url);   // reconnect
 * }
 * }</pre>
 */
public class ChannelClosedException extends AtException {
  private static final long serialVersionUID = 1L;

  public ChannelClosedException(String command, String why, Throwable cause) {
    super(command, (command.isEmpty() ? "" : command + ": ") + why, null, cause);
  }
}
