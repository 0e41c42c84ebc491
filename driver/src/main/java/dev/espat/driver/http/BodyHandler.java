package dev.espat.driver.http;

import java.io.IOException;

/**
 * What to do with a response body as its frames arrive (P-33): keep it in memory, write it to a
 * file, hand it on in chunks, decode it as JSON. {@link BodyHandlers} has the usual ones. The
 * sink runs on the caller's thread; while it is slow, the driver stops reading the port and the
 * device waits (on a UART without flow control, see docs/driver.md).
 *
 * <pre>{@code
 * HttpResponse<Path> r = esp.http().send(request, BodyHandlers.ofFile(Path.of("image.bin")));
 * }</pre>
 *
 * @param <T> what the body becomes
 */
@FunctionalInterface
public interface BodyHandler<T> {

  /** A sink for one response; called once per request, before any byte arrives. */
  Sink<T> open(Context context) throws IOException;

  /**
   * What a handler may need to know.
   *
   * @param request the request being answered
   * @param maxInMemoryBytes the most a handler that keeps the body in memory may keep
   *     ({@link dev.espat.driver.EspAtBuilder#maxResponseBytes(int)})
   * @param json the client's JSON codec
   * @param command the AT command carrying the request, for messages
   */
  record Context(HttpRequest request, int maxInMemoryBytes, JsonCodec json, String command) {}

  /**
   * Takes the body of one response in pieces.
   *
   * @param <T> what the body becomes
   */
  interface Sink<T> {
    /** The next piece of the body, in order; the array is not kept by the caller. */
    void write(byte[] data, int offset, int length) throws IOException;

    /** The whole body has arrived (also for a status >= 400 with a body, P-17). */
    T complete() throws IOException;

    /** The request failed: no {@link #complete()} will come. Clean up (a partial file, say). */
    default void abort() {}
  }
}
