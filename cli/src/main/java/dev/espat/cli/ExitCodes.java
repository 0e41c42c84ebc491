package dev.espat.cli;

/** Exit codes of the {@code esp-at} command line; each means one kind of outcome. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** The command could not do its work; the message says why (a port in use, a device gone). */
  public static final int FAILURE = 1;
  /** The command line itself was wrong: an unknown option, a missing or malformed argument. */
  public static final int USAGE = 2;
  /** The subcommand exists but its implementation has not landed in this build. */
  public static final int UNAVAILABLE = 69;
  /** An unexpected internal failure; the message names it. */
  public static final int SOFTWARE = 70;

  private ExitCodes() {}

  static int forException(Throwable t) {
    return t instanceof picocli.CommandLine.ParameterException ? USAGE : SOFTWARE;
  }
}
