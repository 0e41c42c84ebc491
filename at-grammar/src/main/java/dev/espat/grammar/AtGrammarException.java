package dev.espat.grammar;

/**
 * Base of every exception the at-grammar module throws: malformed command lines, malformed
 * device output, exceeded limits. Catching it catches every problem with the bytes themselves;
 * anything else escaping the module is a bug.
 */
public class AtGrammarException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AtGrammarException(String message) {
    super(message);
  }
}
