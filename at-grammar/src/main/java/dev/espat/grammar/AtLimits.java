package dev.espat.grammar;

/** Limits of the ESP-AT command line, each next to the spec rule it comes from. */
public final class AtLimits {
  /** P-02: the longest command line, CR LF included, in bytes. */
  public static final int MAX_COMMAND_LINE = 256;

  private AtLimits() {}
}
