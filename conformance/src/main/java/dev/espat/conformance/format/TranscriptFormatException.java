package dev.espat.conformance.format;

/**
 * A transcript that cannot be read: the message names the file (or resource) and the line, and
 * says what is wrong there.
 *
 * <pre>{@code
 * suite/p09-parameter-errors.txn:14: unknown placeholder {severr}; known: {server}, {server-tls}, ...
 * }</pre>
 */
public final class TranscriptFormatException extends RuntimeException {
  private final String source;
  private final int line;

  public TranscriptFormatException(String source, int line, String problem) {
    super(source + (line > 0 ? ":" + line : "") + ": " + problem);
    this.source = source;
    this.line = line;
  }

  /** The file or resource the transcript came from. */
  public String source() {
    return source;
  }

  /** The 1-based line, 0 when the problem is the file as a whole. */
  public int line() {
    return line;
  }
}
