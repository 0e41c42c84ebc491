package dev.espat.grammar;

/**
 * A parameter that cannot be read as what the command needs, or is out of range (P-09). Its
 * error code carries the 1-based parameter index: {@code ERR CODE:0x01080002} for the second.
 */
public final class ParameterException extends CommandSyntaxException {
  private static final long serialVersionUID = 1L;

  private final int index;

  public ParameterException(int index, String problem) {
    super(ErrorCode.of(SubCategory.PARAMETER_PARSE_FAILURE, index), "parameter " + index + " " + problem + " (P-09)");
    this.index = index;
  }

  /** The 1-based index of the offending parameter. */
  public int index() {
    return index;
  }
}
