package dev.espat.grammar;

/**
 * Device output that breaks the response format: a body frame not followed by CR LF (P-30), an
 * {@code ERR CODE:} line without a readable code (P-14). The decoder that throws it has skipped
 * the offending element and can be fed on.
 */
public final class MalformedResponseException extends AtGrammarException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message) {
    super(message);
  }
}
