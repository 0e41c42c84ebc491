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

    /**
     * The standard reason phrase of the status (RFC 9110 and the IANA registry), empty for a code
     * without one; the firmware does not report the phrase the server sent.
     */
    public String reason() {
      return switch (status) {
        case 400 -> "Bad Request";
        case 401 -> "Unauthorized";
        case 402 -> "Payment Required";
        case 403 -> "Forbidden";
        case 404 -> "Not Found";
        case 405 -> "Method Not Allowed";
        case 406 -> "Not Acceptable";
        case 407 -> "Proxy Authentication Required";
        case 408 -> "Request Timeout";
        case 409 -> "Conflict";
        case 410 -> "Gone";
        case 411 -> "Length Required";
        case 412 -> "Precondition Failed";
        case 413 -> "Content Too Large";
        case 414 -> "URI Too Long";
        case 415 -> "Unsupported Media Type";
        case 416 -> "Range Not Satisfiable";
        case 417 -> "Expectation Failed";
        case 421 -> "Misdirected Request";
        case 422 -> "Unprocessable Content";
        case 425 -> "Too Early";
        case 426 -> "Upgrade Required";
        case 428 -> "Precondition Required";
        case 429 -> "Too Many Requests";
        case 431 -> "Request Header Fields Too Large";
        case 451 -> "Unavailable For Legal Reasons";
        case 500 -> "Internal Server Error";
        case 501 -> "Not Implemented";
        case 502 -> "Bad Gateway";
        case 503 -> "Service Unavailable";
        case 504 -> "Gateway Timeout";
        case 505 -> "HTTP Version Not Supported";
        case 506 -> "Variant Also Negotiates";
        case 507 -> "Insufficient Storage";
        case 508 -> "Loop Detected";
        case 511 -> "Network Authentication Required";
        default -> "";
      };
    }

    @Override
    public String toString() {
      return "Failed(" + status + (reason().isEmpty() ? "" : " " + reason()) + ")";
    }
  }
}
