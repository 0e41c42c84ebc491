package dev.espat.driver.http;

/**
 * A response body larger than the client keeps in memory: the whole answer is bounded by
 * {@code maxResponseBytes} ({@link dev.espat.driver.EspAtBuilder#maxResponseBytes(int)}, 1 MiB by
 * default). Streaming bodies are not built yet; raise the bound for larger bodies.
 *
 * <pre>{@code
 * EspAt esp = EspAt.builder(url).maxResponseBytes(8 * 1024 * 1024).open();
 * }</pre>
 */
public class HttpBodyTooLargeException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public HttpBodyTooLargeException(String command, long limit, Throwable cause) {
    super(command, "the response to " + command + " exceeded the maximum body size of " + limit
        + " bytes (maxResponseBytes); streaming is not supported yet, raise EspAtBuilder.maxResponseBytes", null, cause);
    this.limit = limit;
  }

  /** The maximum that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
