package dev.espat.cli;

import picocli.CommandLine;

/** Exit codes of the {@code esp-at} command line; each means one kind of outcome. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /**
   * The command could not do its work and no more specific code applies; the message says why (a
   * port in use, an output file that cannot be written, a firmware that lacks a command).
   */
  public static final int FAILURE = 1;
  /** The command line itself was wrong: an unknown option, a missing or malformed argument. */
  public static final int USAGE = 2;
  /**
   * The device let us down before the request went out: the port could not be opened, the device
   * did not answer the handshake, it could not join the Wi-Fi network, or it closed or reset.
   */
  public static final int DEVICE = 3;
  /**
   * The server answered with an HTTP status of 400 or more (firmware 4.1 and later report it); the
   * body, when the firmware printed one, was still written.
   */
  public static final int HTTP_ERROR = 4;
  /** The device did not finish the request within {@code --timeout}. */
  public static final int TIMEOUT = 5;
  /** The device could not reach the server: DNS failure, connection refused, TLS failure, no IP. */
  public static final int CONNECTION = 6;
  /** An unexpected internal failure; the message names it. */
  public static final int SOFTWARE = 70;

  private ExitCodes() {}

  static int forException(Throwable t) {
    return t instanceof CommandLine.ParameterException ? USAGE : SOFTWARE;
  }
}
