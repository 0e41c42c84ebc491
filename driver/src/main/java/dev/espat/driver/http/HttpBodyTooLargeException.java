package dev.espat.driver.http;

/**
 * A response body larger than a handler keeps in memory ({@link BodyHandlers#ofByteArray()},
 * {@code ofString}, {@code ofJson}): they stop at {@code maxResponseBytes}
 * ({@link dev.espat.driver.EspAtBuilder#maxResponseBytes(int)}, 1 MiB by default). Stream large
 * bodies instead, or raise the bound.
 *
 * <pre>{@code
 * http.send(request, BodyHandlers.ofFile(Path.of("big.bin")));     // any size
 * EspAt esp = EspAt.builder(url).maxResponseBytes(8 * 1024 * 1024).open();
 * }</pre>
 */
public class HttpBodyTooLargeException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public HttpBodyTooLargeException(String command, long limit, Throwable cause) {
    super(command, "the response to " + command + " exceeded the maximum body size of " + limit
        + " bytes kept in memory (maxResponseBytes); stream it (BodyHandlers.ofFile, HttpClient.stream) or raise"
        + " EspAtBuilder.maxResponseBytes", null, cause);
    this.limit = limit;
  }

  /** The maximum that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
