package dev.espat.driver.http;

import dev.espat.grammar.ErrorCode;

/**
 * The firmware could not get a response: DNS failure, connection refused, TLS failure or network
 * timeout, all reported as {@code ERR CODE:0x010a7000} (P-16), or no IP yet (P-43).
 *
 * <pre>{@code
 * try {
 *   esp.http().send(request);
 * } catch (HttpConnectionException e) {
 *   e.errorCode();   // Optional[0x010a7000]
 * }
 * }</pre>
 */
public class HttpConnectionException extends HttpException {
  private static final long serialVersionUID = 1L;

  public HttpConnectionException(String command, String message, ErrorCode errorCode, Throwable cause) {
    super(command, message, errorCode, cause);
  }
}
