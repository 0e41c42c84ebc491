package dev.espat.grammar;

/**
 * A command line longer than {@link AtLimits#MAX_COMMAND_LINE} bytes, CR LF included (P-02). The
 * firmware answers {@code ERROR} and executes nothing of it.
 */
public final class LineTooLongException extends CommandSyntaxException {
  private static final long serialVersionUID = 1L;

  private final long length;

  public LineTooLongException(long length) {
    super(
        ErrorCode.of(SubCategory.NO_AT_PREFIX_OR_TOO_LONG, 0),
        "command line of "
            + length
            + " bytes exceeds the limit of "
            + AtLimits.MAX_COMMAND_LINE
            + " bytes (CR LF included, P-02)");
    this.length = length;
  }

  /** How long the line was, in bytes, terminator included. */
  public long length() {
    return length;
  }
}
