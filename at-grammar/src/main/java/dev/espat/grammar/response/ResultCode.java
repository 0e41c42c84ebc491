package dev.espat.grammar.response;

import java.util.Optional;

/** The final results a command can end with (P-05, P-12). */
public enum ResultCode {
  OK("OK"),
  ERROR("ERROR"),
  /** End of AT+HTTPCPOST/AT+HTTPCPUT after the request was sent (P-12). */
  SEND_OK("SEND OK"),
  /** AT+HTTPCPOST/AT+HTTPCPUT whose request failed (P-12, P-23). */
  SEND_FAIL("SEND FAIL"),
  /** End of AT+HTTPURLCFG's data mode (P-12, P-24). */
  SET_OK("SET OK");

  private final String text;

  ResultCode(String text) {
    this.text = text;
  }

  /** The text on the wire, without CR LF. */
  public String text() {
    return text;
  }

  /** Whether the command failed. */
  public boolean isFailure() {
    return this == ERROR || this == SEND_FAIL;
  }

  /** The result written as {@code text}, if it is one. */
  public static Optional<ResultCode> fromText(String text) {
    for (ResultCode r : values()) {
      if (r.text.equals(text)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
