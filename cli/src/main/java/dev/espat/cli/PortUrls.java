package dev.espat.cli;

import picocli.CommandLine;

/** The port URL of {@code --port} and {@code --baud}, as the subcommands that open a device read them. */
final class PortUrls {
  private PortUrls() {}

  /**
   * A bare device name with {@code --baud} becomes {@code serial:NAME?baud=N}; anything else is
   * the URL as given.
   *
   * @throws CommandLine.ParameterException naming the option when the two do not go together
   */
  static String of(CommandLine cmd, String port, Integer baud) {
    if (baud == null) {
      return port;
    }
    if (baud < 80 || baud > 5_000_000) {
      throw new CommandLine.ParameterException(cmd, "--baud must be 80..5000000, got " + baud);
    }
    if (port.contains("://") || port.startsWith("serial:")) {
      throw new CommandLine.ParameterException(cmd,
          "--baud applies to a bare device name like /dev/ttyUSB0; for " + port + " put ?baud= in the URL or drop --baud");
    }
    return "serial:" + port + "?baud=" + baud;
  }
}
