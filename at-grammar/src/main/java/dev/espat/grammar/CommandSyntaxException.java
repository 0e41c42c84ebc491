package dev.espat.grammar;

/**
 * A command line the firmware would reject; {@link #errorCode()} is what a device answers with
 * {@code AT+SYSLOG=1} ({@code ERR CODE:0x...} before {@code ERROR}).
 *
 * <p>Subclasses name the kinds the spec distinguishes: {@link LineTooLongException} (P-02),
 * {@link MissingTerminatorException} (P-01), {@link MissingPrefixException} (P-03),
 * {@link MalformedCommandException} (P-06), {@link ParameterException} and
 * {@link ParameterCountException} (P-09).
 */
public class CommandSyntaxException extends AtGrammarException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorCode errorCode;

  public CommandSyntaxException(ErrorCode errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  /** The code the firmware reports for this rejection. */
  public ErrorCode errorCode() {
    return errorCode;
  }
}
