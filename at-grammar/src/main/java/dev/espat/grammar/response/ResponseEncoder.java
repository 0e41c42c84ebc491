package dev.espat.grammar.response;

import dev.espat.grammar.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Device side of P-05, P-14 and P-30: the exact bytes of every response element. Each method
 * returns a fresh array that the caller may keep or change.
 *
 * <pre>{@code
 * port.write(ResponseEncoder.informationLine("CWMODE", "1"));      // +CWMODE:1\r\n
 * port.write(ResponseEncoder.result(ResultCode.OK));                // \r\nOK\r\n
 * port.write(ResponseEncoder.error(ErrorCode.UNSUPPORTED, true));   // ERR CODE:0x01090000\r\n\r\nERROR\r\n
 * port.write(ResponseEncoder.frameHeader("HTTPCGET", n));           // +HTTPCGET:<n>,
 * port.write(bytes); port.write(ResponseEncoder.frameTrailer());    // n raw bytes, then \r\n
 * }</pre>
 */
public final class ResponseEncoder {

  /** P-10: the line that answers a command sent while another runs. */
  public static final String BUSY_TEXT = "busy p...";

  /** P-05: the boot banner. */
  public static final String READY_TEXT = "ready";

  private static final String CRLF = "\r\n";

  private ResponseEncoder() {}

  /** {@code \r\nOK\r\n} and the other final results. */
  public static byte[] result(ResultCode code) {
    return ascii(CRLF + code.text() + CRLF);
  }

  /**
   * A failure result with its code: {@code ERR CODE:0x........\r\n} first when SYSLOG is on
   * (P-14), then {@code \r\nERROR\r\n} or {@code \r\nSEND FAIL\r\n}.
   */
  public static byte[] failure(ResultCode code, ErrorCode errorCode, boolean syslog) {
    if (!code.isFailure()) {
      throw new IllegalArgumentException(code + " is not a failure result");
    }
    return ascii((syslog ? errorCode.line() + CRLF : "") + CRLF + code.text() + CRLF);
  }

  /** {@code ERROR} with its code when SYSLOG is on (P-14). */
  public static byte[] error(ErrorCode errorCode, boolean syslog) {
    return failure(ResultCode.ERROR, errorCode, syslog);
  }

  /** P-10: {@code \r\nbusy p...\r\n}, after {@code ERR CODE:0x010b0000} when SYSLOG is on. */
  public static byte[] busy(boolean syslog) {
    return ascii((syslog ? ErrorCode.BUSY.line() + CRLF : "") + CRLF + BUSY_TEXT + CRLF);
  }

  /** P-05: {@code \r\nready\r\n}. */
  public static byte[] ready() {
    return ascii(CRLF + READY_TEXT + CRLF);
  }

  /** P-05, P-11: {@code \r\nOK\r\n\r\n>}, with no CR LF after the {@code >}. */
  public static byte[] dataPrompt() {
    return ascii(CRLF + ResultCode.OK.text() + CRLF + CRLF + ">");
  }

  /**
   * P-05: {@code +NAME:value\r\n}. The value is written as given: the firmware does not escape
   * what it prints, so a quote inside a quoted value stays as it is.
   */
  public static byte[] informationLine(String name, String value) {
    return utf8("+" + name + ":" + value + CRLF);
  }

  /** A line of text with CR LF, such as {@code WIFI CONNECTED} or {@code AT version:...}. */
  public static byte[] textLine(String text) {
    return utf8(text + CRLF);
  }

  /** The start of a body frame (P-30): {@code +CMD:<length>,}; the bytes follow raw. */
  public static byte[] frameHeader(String command, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("frame length " + length + " is negative");
    }
    return ascii("+" + command + ":" + length + ",");
  }

  /** The end of a body frame: {@code \r\n}. */
  public static byte[] frameTrailer() {
    return ascii(CRLF);
  }

  /** A whole body frame: header, the bytes, trailer (P-30). */
  public static byte[] frame(String command, byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + command.length() + 16);
    out.writeBytes(frameHeader(command, length));
    out.write(data, offset, length);
    out.writeBytes(frameTrailer());
    return out.toByteArray();
  }

  /** A whole body frame of all of {@code data}. */
  public static byte[] frame(String command, byte[] data) {
    return frame(command, data, 0, data.length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
