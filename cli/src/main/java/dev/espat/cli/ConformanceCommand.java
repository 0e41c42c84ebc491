package dev.espat.cli;

import picocli.CommandLine.Command;

/** {@code esp-at conformance}: Runs the conformance transcripts against a device and reports each protocol rule. */
@Command(name = "conformance", mixinStandardHelpOptions = true, description = "Runs the conformance transcripts against a device and reports each protocol rule.")
final class ConformanceCommand extends PlannedSubcommand {
  @Override
  String plan() {
    return "It will run the transcript suite against the device on --port, print one line per rule id with pass or fail, and write JUnit XML for CI.";
  }
}
