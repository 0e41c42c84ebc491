package dev.espat.grammar;

/** A command given fewer or more parameters than it takes (P-09, sub-category 0x06). */
public final class ParameterCountException extends CommandSyntaxException {
  private static final long serialVersionUID = 1L;

  public ParameterCountException(String command, int actual, int min, int max) {
    super(
        ErrorCode.of(SubCategory.PARAMETER_COUNT_MISMATCH, 0),
        "AT" + command + " takes " + expected(min, max) + ", got " + actual);
  }

  private static String expected(int min, int max) {
    if (min == max) {
      return min + (min == 1 ? " parameter" : " parameters");
    }
    return max == Integer.MAX_VALUE ? "at least " + min + " parameters" : min + " to " + max + " parameters";
  }
}
