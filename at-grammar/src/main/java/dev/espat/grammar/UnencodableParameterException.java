package dev.espat.grammar;

/**
 * A value the host cannot put on a command line: CR, LF and NUL end or cut a line on the device
 * whatever the escaping. Such bytes go through data mode instead (AT+HTTPCPOST, AT+HTTPURLCFG).
 */
public final class UnencodableParameterException extends AtGrammarException {
  private static final long serialVersionUID = 1L;

  public UnencodableParameterException(String message) {
    super(message);
  }
}
