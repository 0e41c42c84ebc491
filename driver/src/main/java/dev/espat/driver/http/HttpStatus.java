package dev.espat.driver.http;

/**
 * What the firmware says about a response's status, and no more. Over the HTTP AT commands a
 * success has no status line: {@code OK} (or {@code SEND OK}) is all there is, so the driver does
 * not invent a 200. A status of 400 or more comes in the error code as {@code 0x7000 + status}
 * (P-16, firmware 4.1 and later).
 *
 * <pre>{@code
 * switch (response.status()) {
 *   case HttpStatus.Succeeded s -> use(response.body());
 *   case HttpStatus.Failed f -> log.warn("server answered " + f.status());
 * }
 * }</pre>
 */
public sealed interface HttpStatus {

  /** Whether the firmware reported success. */
  boolean succeeded();

  /**
   * The firmware reports success; the exact status is not reported over the HTTP AT commands (a
   * 2xx, or a 3xx the firmware did not follow).
   */
  record Succeeded() implements HttpStatus {
    @Override
    public boolean succeeded() {
      return true;
    }

    @Override
    public String toString() {
      return "Succeeded (exact status not reported by the firmware)";
    }
  }

  /**
   * The server answered with a status of 400 or more, read from the error code
   * {@code 0x010a7000 + status} (P-16).
   *
   * @param status the HTTP status, 400..999
   */
  record Failed(int status) implements HttpStatus {
    @Override
    public boolean succeeded() {
      return false;
    }
  }
}
