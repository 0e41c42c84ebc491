package dev.espat.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import picocli.CommandLine;

/**
 * The conformance suite against the emulator in its container, exactly as CI runs it against a
 * board: {@code esp-at conformance --port socket://HOST:PORT --serve-address GATEWAY}, where the
 * suite's test server listens on the bridge's gateway so that the device in the container reaches
 * it. Paced at 115200 baud like a UART, since the suite checks pacing too. Writes
 * {@code target/conformance-container.xml}. Skipped, saying so, where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerConformanceIT {

  @Container
  private static final EspAtEmulatorContainer esp = new EspAtEmulatorContainer().withoutAdmin();

  @Test
  void theSuitePassesAgainstTheContainer() throws Exception {
    Path report = Path.of("target", "conformance-container.xml");
    Files.deleteIfExists(report);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = dev.espat.cli.EspAt.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("conformance", "--port", esp.getSocketUrl(),
        "--serve-address", esp.getHostGatewayAddress(), "--junit-xml", report.toString());

    System.out.print(out);
    System.err.print(err);
    assertThat(exit).as("esp-at conformance's exit code; it printed:%n%s%s", out, err).isZero();
    assertThat(out.toString()).contains("P-");
    assertThat(report).isNotEmptyFile();
  }
}
