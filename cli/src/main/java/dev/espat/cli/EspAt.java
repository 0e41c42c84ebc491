package dev.espat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code esp-at} command line: the entry point that the {@code ./esp-at} launcher runs.
 *
 * <pre>{@code
 * ./esp-at --help
 * ./esp-at emulate --tcp 127.0.0.1:3333
 * ./esp-at request --port socket://127.0.0.1:3333 --wifi ssid:pwd http://example.com/
 * ./esp-at conformance --port socket://127.0.0.1:3333 --junit-xml conformance.xml
 * ./esp-at record --port /dev/ttyUSB0 --out session.txn
 * }</pre>
 *
 * <p>Exit codes are listed in {@link ExitCodes}.
 */
@Command(
    name = "esp-at",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Emulate, drive and test ESP32 boards that run Espressif's ESP-AT firmware.",
    subcommands = {
      EmulateCommand.class,
      RequestCommand.class,
      ConformanceCommand.class,
      RecordCommand.class,
      PortsCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure (the message says why: a port in use, a device that does not answer)",
      "2:usage error (bad option or argument)",
      "3:device error: port not opened, no handshake, Wi-Fi join failed (request, conformance)",
      "4:the server answered an HTTP status >= 400; the body is still written (request)",
      "5:the request timed out (request)",
      "6:the device could not connect to the server (request)"
    })
public final class EspAt implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // No subcommand given: show what there is, and say it was a usage error.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** Builds the command line with the project's error handling. */
  public static CommandLine commandLine() {
    // No picocli @argument-files: "request -d @FILE" means the file's bytes as the body, like curl.
    return new CommandLine(new EspAt())
        .setExpandAtFiles(false)
        .setExitCodeExceptionMapper(ExitCodes::forException)
        .setParameterExceptionHandler(EspAt::usageError)
        .setExecutionExceptionHandler(EspAt::internalError);
  }

  /** A usage error in two lines: what was wrong, and where the help is; not the whole help. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    java.io.PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText(e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** A failure no subcommand foresaw: one line naming it, not a stack trace. */
  private static int internalError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    java.io.PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": internal error: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + dev.espat.grammar.SecretMasker.mask(e.getMessage())));
    err.flush();
    return ExitCodes.SOFTWARE;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
