package dev.espat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the {@code ./esp-at} launcher script as a user would, in a real process. */
class LauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private record Run(int exitCode, String out, String err) {}

  private static Run launch(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("esp-at-out", ".txt");
    Path err = Files.createTempFile("esp-at-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(concat(List.of("bash", ROOT.resolve("esp-at").toString()), args))
          .directory(ROOT.toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("./esp-at " + String.join(" ", args) + " did not finish in 5 minutes");
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static List<String> concat(List<String> head, String[] tail) {
    var all = new java.util.ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  @Test
  void helpListsTheSubcommands() throws Exception {
    Run run = launch("--help");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("emulate", "request", "conformance", "ports");
  }

  @Test
  void versionNamesAJdkOfAtLeast21() throws Exception {
    Run run = launch("--version");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String javaLine = run.out().lines().filter(l -> l.startsWith("Java ")).findFirst().orElseThrow();
    int feature = Integer.parseInt(javaLine.substring(5).split("[.+\\- ]")[0]);
    assertThat(feature).as(javaLine).isGreaterThanOrEqualTo(21);
  }

  @Test
  void aBadOptionIsAUsageErrorWithoutAStackTrace() throws Exception {
    Run run = launch("--no-such-option");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--no-such-option").doesNotContain("Exception", "\tat ");
  }
}
