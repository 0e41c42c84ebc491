package dev.espat.driver;

/**
 * The data-mode payload of a command could not be read to its announced length (a file that
 * shrank, a stream that failed). The device had already been told the length and waits for every
 * byte (P-12), so the driver made up the rest with zero bytes; the message says so, because the
 * peer (an HTTP server, say) may have received a damaged body.
 */
public class PayloadException extends AtException {
  private static final long serialVersionUID = 1L;

  public PayloadException(String command, String message, Throwable cause) {
    super(command, command + ": " + message, null, cause);
  }
}
