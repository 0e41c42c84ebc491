package dev.espat.driver;

import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.SubCategory;
import dev.espat.grammar.response.ResultCode;

/**
 * The device answered a command with {@code ERROR} or {@code SEND FAIL} (P-05). With
 * {@code AT+SYSLOG=1}, which the driver turns on, the {@link #errorCode()} says why (P-15): an
 * unknown command ({@link #isUnsupportedCommand()}, P-27), a bad parameter and its index (P-09),
 * an execution failure.
 *
 * <pre>{@code
 * try {
 *   esp.execute(AtCommand.set("+SYSLOG", Parameter.integer(2)));
 * } catch (CommandFailedException e) {
 *   e.errorCode();   // Optional[0x01080001]: parameter 1 did not parse
 * }
 * }</pre>
 */
public class CommandFailedException extends AtException {
  private static final long serialVersionUID = 1L;

  private final ResultCode result;
  private final transient Response response;

  public CommandFailedException(Response response) {
    this(response, "");
  }

  /** With more words about what the failure means, put after the standard message. */
  protected CommandFailedException(Response response, String meaning) {
    super(response.command(), message(response, meaning), response.errorCode().orElse(null), null);
    this.result = response.result().code();
    this.response = response;
  }

  private static String message(Response response, String meaning) {
    return response.command() + " answered " + response.result().code().text()
        + response.errorCode().map(c -> " (ERR CODE " + c + ")").orElse("")
        + (meaning.isEmpty() ? "" : ": " + meaning);
  }

  /** {@code ERROR} or {@code SEND FAIL}. */
  public ResultCode result() {
    return result;
  }

  /** Everything the device answered, the failure included. */
  public Response response() {
    return response;
  }

  /** Whether the firmware does not know the command (sub-category 0x09, P-27). */
  public boolean isUnsupportedCommand() {
    return errorCode().map(ErrorCode::subCategoryCode).orElse(-1) == SubCategory.UNSUPPORTED_COMMAND.code();
  }
}
