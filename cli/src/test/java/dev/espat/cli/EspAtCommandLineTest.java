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
  void badOptionValuesAreUsageErrorsNamingTheValue() {
    assertThat(run("emulate", "--tcp", "127.0.0.1:99999")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("99999", "0..65535", "Try 'esp-at emulate --help'");
    assertThat(run("emulate", "--firmware", "9.9")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'9.9'", "2.2, 3.0, 3.1, 4.1");
    assertThat(run("emulate", "--ap", "no-colon")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("emulate", "--join-delay", "soon")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'soon'", "500ms");
    assertThat(run("emulate", "--devices", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("emulate", "--stdio", "--devices", "2")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--stdio serves one device");
    assertThat(err.toString()).doesNotContain("Exception");
  }

  @Test
  void resolveForms() {
    Converters.ResolveSpec c = new Converters.ResolveSpec();
    assertThat(c.convert("httpbin.org:80:127.0.0.1:8080")).isEqualTo(new Converters.Resolve("httpbin.org", 80, "127.0.0.1", 8080));
    assertThat(c.convert("h:443:[::1]:8443").address()).isEqualTo("::1");
    assertThat(run("emulate", "--resolve", "httpbin.org:80")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'httpbin.org:80'", "HOST:PORT:ADDRESS:PORT");
    assertThat(run("emulate", "--client-cert", "a.pem")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("each --client-cert needs a --client-key");
    assertThat(run("emulate", "--ca-cert", "/nonexistent/ca.pem")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("cannot read the certificate file /nonexistent/ca.pem");
  }

  @Test
  void tcpAddressForms() {
    Converters.TcpAddress c = new Converters.TcpAddress();
    assertThat(c.convert("4000").toString()).isEqualTo("127.0.0.1/<unresolved>:4000");
    assertThat(c.convert(":4000").getHostString()).isEqualTo("127.0.0.1");
    assertThat(c.convert("0.0.0.0").getPort()).isEqualTo(3333);
    assertThat(c.convert("[::1]:5000").getHostString()).isEqualTo("::1");
    assertThat(c.convert("localhost:7").getPort()).isEqualTo(7);
  }

  @Test
  void unknownOptionIsAUsageErrorNamingTheOption() {
    assertThat(run("--frobnicate")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--frobnicate");
  }

  @Test
  void conformanceNeedsAPortAndDocumentsItsExitCodes() {
    assertThat(run("conformance")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--port");
    assertThat(run("conformance", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("--suite", "--serve-address", "--junit-xml", "--rule", "--firmware", "--wifi",
        "0   no transcript failed", "1   a transcript failed", "3   the device is not reachable");
  }

  @Test
  void conformanceServeAddressForms() {
    ConformanceCommand.ServeAddress c = new ConformanceCommand.ServeAddress();
    assertThat(c.convert("192.168.1.20").getPort()).isZero();
    assertThat(c.convert("192.168.1.20:8080").getPort()).isEqualTo(8080);
    assertThat(c.convert("[::1]").getPort()).isZero();
    assertThat(c.convert("[::1]:9000").getPort()).isEqualTo(9000);
    assertThat(run("conformance", "--port", "socket://127.0.0.1:1", "--serve-address", "8080")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("give the address the device reaches");
  }

  @Test
  void requestHelpDocumentsTheExitCodes() {
    assertThat(run("request", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("--port", "--wifi", "-X", "-H", "-d", "-o", "-v", "--timeout",
        "3   device error", "4   the server answered", "5   timeout", "6   the device could not connect");
  }

  @Test
  void requestNeedsAPortAndAUrl() {
    assertThat(run("request", "http://example.com/")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--port");
    assertThat(run("request", "--port", "socket://127.0.0.1:1")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("URL");
  }

  @Test
  void requestHeaderWithoutAColonIsAUsageError() {
    assertThat(run("request", "--port", "socket://127.0.0.1:1", "-H", "Accept text/plain", "http://example.com/"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'Accept text/plain'", "a name, a colon, a value", "Try 'esp-at request --help'")
        .doesNotContain("Exception");
  }

  @Test
  void requestDataFromAMissingFileIsAUsageErrorNamingTheFile() {
    assertThat(run("request", "--port", "socket://127.0.0.1:1", "-d", "@/nonexistent/body.json", "http://example.com/"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("/nonexistent/body.json", "no such file").doesNotContain("Exception");
  }

  @Test
  void requestBadWifiIsAUsageErrorWithoutThePassword() {
    assertThat(run("request", "--port", "socket://127.0.0.1:1", "--wifi", "nocolon", "http://example.com/"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'nocolon'", "SSID:PASSWORD");
    assertThat(run("request", "--port", "socket://127.0.0.1:1", "--wifi", ":s3cr3t", "http://example.com/"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("SSID is empty").doesNotContain("s3cr3t");
  }

  @Test
  void requestRefusesOtherSchemesAndBadMethodsAsUsageErrors() {
    assertThat(run("request", "--port", "socket://127.0.0.1:1", "ftp://example.com/")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("ftp://example.com/");
    assertThat(run("request", "--port", "/dev/ttyUSB0", "--baud", "12", "http://example.com/")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--baud must be 80..5000000");
    assertThat(run("request", "--port", "socket://127.0.0.1:1", "--timeout", "soon", "http://example.com/"))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void requestHeaderAndDataConverters() throws java.io.IOException {
    assertThat(new Converters.HeaderSpec().convert("Accept:  text/plain ")).isEqualTo(new Converters.Header("Accept", "text/plain"));
    assertThat(new Converters.HeaderSpec().convert("X-Empty:")).isEqualTo(new Converters.Header("X-Empty", ""));
    assertThat(new Converters.Data().convert("a=1&b=2").body().readAll(100)).isEqualTo("a=1&b=2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(new Converters.WifiSpec().convert("home:pa:ss").password()).isEqualTo("pa:ss");
  }

  @Test
  void requestToAPortThatCannotBeOpenedIsADeviceError() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertThat(run("request", "--port", "socket://127.0.0.1:" + closed, "http://example.com/")).isEqualTo(ExitCodes.DEVICE);
    assertThat(err.toString()).startsWith("esp-at request: cannot open socket://127.0.0.1:" + closed).doesNotContain("Exception");
    assertThat(err.toString().lines().count()).isLessThanOrEqualTo(2);
  }

  @Test
  void portsListsPortsOrSaysThereAreNone() {
    assertThat(run("ports")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isNotEmpty();
  }
}
