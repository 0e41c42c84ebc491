package dev.espat.driver.http;

/**
 * The server answered a status of 400 or more where the driver has no response to hand back
 * (AT+HTTPGETSIZE; {@link HttpClient#send} returns {@link HttpStatus.Failed} instead).
 *
 * <pre>{@code
 * try {
 *   long size = http.contentLength(request);
 * } catch (HttpStatusException e) {
 *   if (e.status().status() == 404) ...
 * }
 * }</pre>
 */
public class HttpStatusException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final transient HttpStatus.Failed status;

  public HttpStatusException(String command, HttpStatus.Failed status) {
    super(command, command + ": the server answered " + status.status() + " " + status.reason(), null, null);
    this.status = status;
  }

  /** The status the server answered. */
  public HttpStatus.Failed status() {
    return status;
  }
}
