package dev.espat.grammar;

/** A command line that does not end with CR LF (P-01): a bare LF, or no LF at all. */
public final class MissingTerminatorException extends CommandSyntaxException {
  private static final long serialVersionUID = 1L;

  public MissingTerminatorException(String detail) {
    super(ErrorCode.of(SubCategory.NO_TERMINATOR, 0), "command line " + detail + "; it must end with CR LF (P-01)");
  }
}
