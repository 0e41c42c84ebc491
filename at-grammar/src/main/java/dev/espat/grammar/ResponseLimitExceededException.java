package dev.espat.grammar;

/**
 * Device output longer than a configured limit: a line without LF or a body frame larger than
 * the decoder accepts. Like Netty's {@code TooLongFrameException}, it names the limit so that it
 * can be raised where the output is legitimate. The decoder that throws it has skipped the
 * element and can be fed on.
 */
public final class ResponseLimitExceededException extends AtGrammarException {
  private static final long serialVersionUID = 1L;

  private final String limit;
  private final long value;

  public ResponseLimitExceededException(String what, String limit, long max, long actual) {
    super(what + " of " + (actual < 0 ? "more than " + max : actual) + " bytes exceeds " + limit + " (" + max + ")");
    this.limit = limit;
    this.value = max;
  }

  /** The name of the limit, as in {@code DecoderLimits}: {@code maxLineLength}, {@code maxFrameLength}. */
  public String limit() {
    return limit;
  }

  /** The value of the limit that was exceeded. */
  public long limitValue() {
    return value;
  }
}
