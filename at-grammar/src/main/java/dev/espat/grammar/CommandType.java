package dev.espat.grammar;

/** The four forms of an AT command (P-06). */
public enum CommandType {
  /** {@code AT+X=?}: asks for the parameters the command takes. */
  TEST,
  /** {@code AT+X?}: asks for the current value. */
  QUERY,
  /** {@code AT+X=<params>}: sets or runs with parameters. */
  SET,
  /** {@code AT+X}: runs without parameters. */
  EXECUTE
}
