package dev.espat.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A subcommand whose implementation is scheduled but not in this build: it says what it will do and
 * exits with {@link ExitCodes#UNAVAILABLE}, so that scripts never mistake it for success.
 */
abstract class PlannedSubcommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One or two sentences: what the subcommand will do once it is implemented. */
  abstract String plan();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("esp-at " + spec.name() + ": not available in this build yet.");
    err.println(plan());
    err.flush();
    return ExitCodes.UNAVAILABLE;
  }
}
