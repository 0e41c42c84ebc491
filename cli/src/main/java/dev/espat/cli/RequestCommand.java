package dev.espat.cli;

import picocli.CommandLine.Command;

/** {@code esp-at request}: Performs an HTTP request through an ESP32 (real or emulated), like curl. */
@Command(name = "request", mixinStandardHelpOptions = true, description = "Performs an HTTP request through an ESP32 (real or emulated), like curl.")
final class RequestCommand extends PlannedSubcommand {
  @Override
  String plan() {
    return "It will send the request through the AT+HTTP... commands of the device on --port and write the response body to standard output.";
  }
}
