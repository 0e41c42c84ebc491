package dev.espat.cli;

import picocli.CommandLine.Command;

/** {@code esp-at ports}: Lists the serial ports of this machine. */
@Command(name = "ports", mixinStandardHelpOptions = true, description = "Lists the serial ports of this machine.")
final class PortsCommand extends PlannedSubcommand {
  @Override
  String plan() {
    return "It will list the serial ports that jSerialComm finds, with their descriptions.";
  }
}
