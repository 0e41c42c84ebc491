package dev.espat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EspAtCommandLineTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = EspAt.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsEverySubcommand() {
    assertThat(run("--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("emulate", "request", "conformance", "ports");
  }

  @Test
  void noSubcommandIsAUsageError() {
    assertThat(run()).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Missing subcommand");
  }

  @Test
  void unknownOptionIsAUsageErrorNamingTheOption() {
    assertThat(run("--frobnicate")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--frobnicate");
  }

  @Test
  void plannedSubcommandSaysWhatItWillDoAndDoesNotClaimSuccess() {
    assertThat(run("emulate")).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(err.toString()).contains("not available in this build yet", "listening");
  }
}
