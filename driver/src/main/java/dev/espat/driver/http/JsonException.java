package dev.espat.driver.http;

import java.io.IOException;

/**
 * JSON that could not be read or a value that could not be written. It is an {@link IOException},
 * like Jackson's {@code JsonProcessingException}, so code that catches {@code IOException} around
 * {@link JsonCodec#read} handles the built-in codec and a plugged one alike. An error about the
 * input names where it is: {@link #offset()} (bytes from the start), {@link #line()} and
 * {@link #column()} (1-based, the column counted in bytes); they are {@code -1} for an error that is
 * about no position (a type the codec cannot read, a value it cannot write).
 *
 * <pre>{@code
 * try {
 *   Map<?, ?> m = JsonCodec.minimal().read(in, Map.class);
 * } catch (JsonException e) {
 *   log.warn(e.getMessage());   // "JSON error at line 1, column 9 (byte 8): expected ',' or '}' but found ']'"
 * }
 * }</pre>
 */
public class JsonException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final long line;
  private final long column;

  /** An error about no position in the input. */
  public JsonException(String message) {
    this(message, null);
  }

  /** An error about no position in the input, with its cause. */
  public JsonException(String message, Throwable cause) {
    super(message, cause);
    this.offset = -1;
    this.line = -1;
    this.column = -1;
  }

  /** An error at this place in the input; the message is prefixed with it. */
  public JsonException(String message, long offset, long line, long column) {
    super("JSON error at line " + line + ", column " + column + " (byte " + offset + "): " + message);
    this.offset = offset;
    this.line = line;
    this.column = column;
  }

  /** Bytes from the start of the input to the error; -1 when the error is about no position. */
  public long offset() {
    return offset;
  }

  /** The 1-based line of the error; -1 when the error is about no position. */
  public long line() {
    return line;
  }

  /** The 1-based column of the error, in bytes; -1 when the error is about no position. */
  public long column() {
    return column;
  }
}
