package dev.espat.driver.http;

/**
 * A method the ESP-AT HTTP commands cannot send: they know HEAD, GET, POST, PUT and DELETE only
 * (AT+HTTPCLIENT opt 1..5, P-20), so PATCH, OPTIONS and others are refused before anything is sent.
 *
 * <pre>{@code
 * try {
 *   esp.http().send(HttpRequest.newBuilder(uri).method("PATCH", body).build());
 * } catch (UnsupportedHttpMethodException e) {
 *   e.method();   // "PATCH"
 * }
 * }</pre>
 */
public class UnsupportedHttpMethodException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  private final String method;

  public UnsupportedHttpMethodException(String method) {
    super("HTTP method " + method + " is not supported: the ESP-AT HTTP commands send only HEAD, GET, POST, PUT"
        + " and DELETE (AT+HTTPCLIENT opt 1..5, P-20)");
    this.method = method;
  }

  /** The method that was refused. */
  public String method() {
    return method;
  }
}
