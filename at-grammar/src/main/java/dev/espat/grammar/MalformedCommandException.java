package dev.espat.grammar;

/**
 * A line that starts with {@code AT} but names no command the firmware could look up: an empty or
 * ill-formed name, or text after {@code ?} (P-06). The firmware treats it as an unknown command.
 */
public final class MalformedCommandException extends CommandSyntaxException {
  private static final long serialVersionUID = 1L;

  public MalformedCommandException(String detail) {
    super(ErrorCode.of(SubCategory.UNSUPPORTED_COMMAND, 0), detail);
  }
}
