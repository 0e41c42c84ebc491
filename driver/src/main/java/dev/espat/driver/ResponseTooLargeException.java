package dev.espat.driver;

/**
 * An answer held more than {@code maxResponseBytes} ({@link EspAtBuilder#maxResponseBytes(int)}):
 * the driver keeps one answer in memory and drops the rest rather than grow without bound.
 *
 * <pre>{@code
 * try {
 *   esp.execute(AtCommand.set("+HTTPCGET", Parameter.string(url)), Duration.ofMinutes(1));
 * } catch (ResponseTooLargeException e) {
 *   e.limit();   // 1048576 by default
 * }
 * }</pre>
 */
public class ResponseTooLargeException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public ResponseTooLargeException(String command, long limit) {
    super(command, "the answer to " + command + " exceeded " + limit
        + " bytes (maxResponseBytes); the rest was dropped");
    this.limit = limit;
  }

  /** The limit that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
