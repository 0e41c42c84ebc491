package dev.espat.driver.http;

import dev.espat.driver.AtException;
import dev.espat.grammar.ErrorCode;

/**
 * An HTTP request that produced no response the driver can hand back. Subclasses say why:
 * {@link HttpConnectionException} (no connection), {@link HttpBodyTooLargeException} (over the
 * memory bound). A firmware older than 4.1 reports every HTTP failure as {@code 0x010a0000}, which
 * cannot tell a refused connection from a 404; that arrives as a plain {@code HttpException}.
 *
 * <pre>{@code
 * try {
 *   esp.http().send(request);
 * } catch (HttpConnectionException e) {
 *   retryLater();
 * } catch (HttpException e) {
 *   log.warn(e.getMessage());
 * }
 * }</pre>
 */
public class HttpException extends AtException {
  private static final long serialVersionUID = 1L;

  public HttpException(String command, String message, ErrorCode errorCode, Throwable cause) {
    super(command, message, errorCode, cause);
  }
}
