package dev.espat.grammar;

/** A command line that does not start with upper-case {@code AT} (P-03). */
public final class MissingPrefixException extends CommandSyntaxException {
  private static final long serialVersionUID = 1L;

  public MissingPrefixException(String detail) {
    super(ErrorCode.of(SubCategory.NO_AT_PREFIX_OR_TOO_LONG, 0), detail);
  }
}
