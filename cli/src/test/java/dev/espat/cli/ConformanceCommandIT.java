package dev.espat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.conformance.format.Rules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ./esp-at conformance} as a user runs it, against {@code ./esp-at emulate} in another
 * process: issue 7's "done when", and the ways a run can go wrong.
 */
class ConformanceCommandIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path JAR = Path.of("target/esp-at.jar").toAbsolutePath();

  private static Process emulator;
  private static int port;

  private record Run(int exitCode, String out, String err, Duration took) {}

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  @BeforeAll
  static void startEmulator() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    emulator = new ProcessBuilder(java(), "-jar", JAR.toString(), "emulate", "--tcp", "127.0.0.1:" + port)
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).startsWith("listening");
    Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> { }));
  }

  @AfterAll
  static void stopEmulator() throws InterruptedException {
    emulator.destroy();
    if (!emulator.waitFor(30, TimeUnit.SECONDS)) {
      emulator.destroyForcibly();
    }
  }

  /** Runs a command line, output to files so that a large report never blocks the process. */
  private static Run run(List<String> command, Duration limit) throws IOException, InterruptedException {
    Path out = Files.createTempFile("conformance-out", ".txt");
    Path err = Files.createTempFile("conformance-err", ".txt");
    try {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(command).directory(ROOT.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + limit + "; output:\n" + Files.readString(out));
      }
      return new Run(p.exitValue(), Files.readString(out), Files.readString(err), Duration.ofNanos(System.nanoTime() - t0));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Run conformance(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "conformance"));
    command.addAll(List.of(args));
    return run(command, Duration.ofMinutes(5));
  }

  private static String socket() {
    return "socket://127.0.0.1:" + port;
  }

  @Test
  @DisplayName("done when: ./esp-at conformance against ./esp-at emulate passes, names every rule id, writes JUnit XML")
  void passesAgainstTheEmulator(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("reports/conformance.xml");
    List<String> command = List.of("bash", ROOT.resolve("esp-at").toString(), "conformance", "--port", socket(),
        "--junit-xml", xml.toString());
    Run run = run(command, Duration.ofMinutes(8));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    for (String rule : Rules.ALL) {
      assertThat(run.out()).as(rule).containsPattern("(?m)^" + rule + "  (PASS|SKIP)  ");
    }
    assertThat(run.out()).doesNotContain("FAIL").contains("golden transcripts (spec §8): all 16")
        .containsPattern("\\d+ transcripts: \\d+ passed, 0 failed, \\d+ skipped; 39 rules");
    assertThat(run.out()).contains("P-50  SKIP  p50-pacing (needs a serial line");

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("failures")).isEqualTo("0");
    NodeList suites = root.getElementsByTagName("testsuite");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < suites.getLength(); i++) {
      names.add(((Element) suites.item(i)).getAttribute("name"));
    }
    assertThat(names).containsExactlyElementsOf(Rules.ALL);
    assertThat(root.getElementsByTagName("testcase").getLength()).isGreaterThan(Rules.ALL.size());
    assertThat(root.getElementsByTagName("skipped").getLength()).isPositive();
  }

  @Test
  @DisplayName("a transcript that fails shows the byte diff with the offset of the first difference, exit 1")
  void aFailureShowsTheDiff(@TempDir Path dir) throws Exception {
    Path suite = Files.writeString(dir.resolve("wrong.txn"), """
        esp-at-transcript 1
        rules: P-05
        > AT\\r\\n
        < \\r\\nERROR\\r\\n
        """);
    Path xml = dir.resolve("wrong.xml");
    Run run = conformance("--port", socket(), "--suite", suite.toString(), "--junit-xml", xml.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out()).contains("FAIL wrong (P-05) line 4 '< \\r\\nERROR\\r\\n': the device wrote something else")
        .contains("  expected: \\r\\nERROR\\r\\n")
        .contains("  got:      \\r\\nOK\\r\\n")
        .contains("^ byte 2: expected 'ERROR\\r\\n', got 'O' (0x4f)")
        .contains("P-05  FAIL  wrong (FAILED)");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getTextContent()).contains("^ byte 2");
  }

  @Test
  @DisplayName("secrets stay masked in the report, even when the device echoes them")
  void secretsMasked(@TempDir Path dir) throws Exception {
    Path suite = Files.writeString(dir.resolve("echoed.txn"), """
        esp-at-transcript 1
        rules: P-42
        echo on
        > AT+CWJAP="{ssid}","{password}"\\r\\n
        < nothing like this\\r\\n
        """);
    Run run = conformance("--port", socket(), "--suite", suite.toString(), "--wifi", "home:s3cr3t-pw");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out()).contains("got:      AT+CWJAP=").doesNotContain("s3cr3t-pw");
  }

  @Test
  @DisplayName("a device that does not answer: a clear message and exit 3, in bounded time")
  void silentDevice() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accepts, reads nothing, answers nothing
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      Run run = conformance("--port", "socket://127.0.0.1:" + silent.getLocalPort());
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.DEVICE);
      assertThat(run.err()).contains("the device on socket://127.0.0.1:" + silent.getLocalPort() + " did not answer AT with OK")
          .doesNotContain("\tat ");
      assertThat(run.took()).isLessThan(Duration.ofSeconds(60));
      acceptor.interrupt();
    }
  }

  @Test
  @DisplayName("nobody on the port: exit 3 naming it")
  void nobodyThere() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Run run = conformance("--port", "socket://127.0.0.1:" + closed);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.DEVICE);
    assertThat(run.err()).contains("cannot open socket://127.0.0.1:" + closed).doesNotContain("\tat ");
  }

  @Test
  @DisplayName("a bad suite file: the error names the file and the line, exit 2")
  void badSuiteFile(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.txn"), "esp-at-transcript 1\nrules: P-01\nsend AT\n");
    Run run = conformance("--port", socket(), "--suite", bad.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(bad + ":3: 'send' is not a directive").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("bad options are usage errors naming them")
  void badOptions() throws Exception {
    assertThat(conformance("--port", socket(), "--rule", "P-99").err()).contains("--rule P-99: not a rule id");
    assertThat(conformance("--port", socket(), "--firmware", "newest").err()).contains("--firmware 'newest'");
    assertThat(conformance("--port", socket(), "--serve-address", "0.0.0.0").err()).contains("give the one address the device reaches");
    Run badUrl = conformance("--port", "rfc2217://x:1");
    assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badUrl.err()).contains("unknown scheme");
  }

  @Test
  @DisplayName("--rule runs only the transcripts naming that rule")
  void oneRule() throws Exception {
    Run run = conformance("--port", socket(), "--rule", "P-14");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("P-14  PASS").contains("golden-04-syslog-unknown-command").doesNotContain("P-20  ");
  }
}
