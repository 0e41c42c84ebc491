package dev.espat.grammar;

import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ESP-AT error code (P-15): {@code module << 24 | sub-category << 16 | extension}, printed by
 * the firmware as {@code ERR CODE:0x010a7194} before {@code ERROR} when {@code AT+SYSLOG=1}.
 *
 * <pre>{@code
 * ErrorCode code = ErrorCode.parse("ERR CODE:0x010a7194");
 * code.httpStatus();                     // OptionalInt[404]
 * ErrorCode.forHttpStatus(500).line();   // "ERR CODE:0x010a71f4"
 * ErrorCode.of(SubCategory.PARAMETER_PARSE_FAILURE, 2).toString(); // "0x01080002"
 * }</pre>
 *
 * @param value the 32-bit code
 */
public record ErrorCode(int value) {

  /** The module of every code the AT core reports (P-15). */
  public static final int AT_MODULE = 0x01;

  /** The prefix of the line that carries a code (P-14). */
  public static final String LINE_PREFIX = "ERR CODE:";

  /** P-16: extension base of HTTP failures; 0x7000 alone means "no connection". */
  public static final int HTTP_EXTENSION_BASE = 0x7000;

  /** The lowest HTTP status that the firmware reports as a failure (P-16). */
  public static final int MIN_ERROR_STATUS = 400;

  /** The highest status this mapping carries: three decimal digits. */
  public static final int MAX_ERROR_STATUS = 999;

  /** Code for a line received while another command runs (P-10). */
  public static final ErrorCode BUSY = of(SubCategory.BUSY, 0);

  /** Code for an unknown command or one the firmware profile lacks (P-27). */
  public static final ErrorCode UNSUPPORTED = of(SubCategory.UNSUPPORTED_COMMAND, 0);

  /** Code for an HTTP request that could not connect: DNS, refused, TLS, timeout (P-16). */
  public static final ErrorCode HTTP_CONNECTION_FAILED =
      of(SubCategory.COMMAND_EXECUTION_FAILED, HTTP_EXTENSION_BASE);

  /** A code of the AT module from its sub-category and extension. */
  public static ErrorCode of(SubCategory subCategory, int extension) {
    if (extension < 0 || extension > 0xFFFF) {
      throw new IllegalArgumentException("extension " + extension + " does not fit in 16 bits");
    }
    return new ErrorCode(AT_MODULE << 24 | subCategory.code() << 16 | extension);
  }

  /**
   * The code the firmware reports for an HTTP response with this status (P-16): 404 gives
   * {@code 0x010a7194}.
   *
   * @throws IllegalArgumentException if the status is not between 400 and 999
   */
  public static ErrorCode forHttpStatus(int status) {
    if (status < MIN_ERROR_STATUS || status > MAX_ERROR_STATUS) {
      throw new IllegalArgumentException(
          "HTTP status " + status + " is not a failure status (" + MIN_ERROR_STATUS + ".." + MAX_ERROR_STATUS + ")");
    }
    return of(SubCategory.COMMAND_EXECUTION_FAILED, HTTP_EXTENSION_BASE + status);
  }

  /**
   * Reads a code from {@code ERR CODE:0x010a7194} or from {@code 0x010a7194} alone; hex digits
   * of either case, exactly eight of them.
   *
   * @throws MalformedResponseException naming the text if it is not such a code
   */
  public static ErrorCode parse(CharSequence text) {
    String s = text.toString();
    String hex = s.startsWith(LINE_PREFIX) ? s.substring(LINE_PREFIX.length()) : s;
    if (hex.length() != 10 || !(hex.startsWith("0x") || hex.startsWith("0X"))) {
      throw new MalformedResponseException("not an error code (expected ERR CODE:0x followed by 8 hex digits): " + quote(s));
    }
    String digits = hex.substring(2);
    for (int i = 0; i < digits.length(); i++) {
      // Character.digit also accepts non-ASCII digits (U+0660, U+FF10, ...), which HexFormat refuses.
      if (digits.charAt(i) >= 0x80 || Character.digit(digits.charAt(i), 16) < 0) {
        throw new MalformedResponseException("not an error code (bad hex digit '" + digits.charAt(i) + "'): " + quote(s));
      }
    }
    return new ErrorCode(HexFormat.fromHexDigits(digits));
  }

  /** Bits 24..31: 0x01 for the AT core. */
  public int module() {
    return value >>> 24;
  }

  /** Bits 16..23 as a number, whether or not the spec names it. */
  public int subCategoryCode() {
    return (value >>> 16) & 0xFF;
  }

  /** Bits 16..23 as a named sub-category, if the spec names this number. */
  public Optional<SubCategory> subCategory() {
    return SubCategory.fromCode(subCategoryCode());
  }

  /** Bits 0..15: a parameter index for parse failures, 0x7xxx for HTTP failures. */
  public int extension() {
    return value & 0xFFFF;
  }

  /** The HTTP status this code reports, for codes {@code 0x010a7000 + status} (P-16). */
  public OptionalInt httpStatus() {
    int status = extension() - HTTP_EXTENSION_BASE;
    boolean http = module() == AT_MODULE && subCategoryCode() == SubCategory.COMMAND_EXECUTION_FAILED.code();
    return http && status >= MIN_ERROR_STATUS && status <= MAX_ERROR_STATUS
        ? OptionalInt.of(status)
        : OptionalInt.empty();
  }

  /** Whether this is the code of an HTTP request that never got a response (P-16). */
  public boolean isHttpConnectionFailure() {
    return equals(HTTP_CONNECTION_FAILED);
  }

  /** The line the firmware prints, without CR LF: {@code ERR CODE:0x010a7194}. */
  public String line() {
    return LINE_PREFIX + this;
  }

  /** The code as the firmware prints it: {@code 0x} and eight lower-case hex digits. */
  @Override
  public String toString() {
    return "0x" + HexFormat.of().toHexDigits(value);
  }

  private static String quote(String s) {
    return '"' + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + '"';
  }
}
