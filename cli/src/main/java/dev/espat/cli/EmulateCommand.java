package dev.espat.cli;

import picocli.CommandLine.Command;

/** {@code esp-at emulate}: Starts an emulated ESP32 running ESP-AT on a virtual COM port, a TCP port or a real serial port. */
@Command(name = "emulate", mixinStandardHelpOptions = true, description = "Starts an emulated ESP32 running ESP-AT on a virtual COM port, a TCP port or a real serial port.")
final class EmulateCommand extends PlannedSubcommand {
  @Override
  String plan() {
    return "It will open one simulated ESP32 on a pty (symlink ttyESP0 in the temporary directory) or on the port given with --tcp/--pty/--serial, print a line starting with 'listening', and perform the HTTP requests that AT+HTTP... commands ask for.";
  }
}
