package dev.espat.cli;

import dev.espat.conformance.ConformanceReport;
import dev.espat.conformance.ConformanceRunner;
import dev.espat.conformance.DeviceUnreachableException;
import dev.espat.conformance.JUnitXmlReport;
import dev.espat.conformance.Suite;
import dev.espat.conformance.TextReport;
import dev.espat.conformance.format.Rules;
import dev.espat.conformance.format.TranscriptFormatException;
import dev.espat.emulator.device.AccessPoint;
import dev.espat.grammar.SecretMasker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code esp-at conformance}: runs the transcript suite against a device, real or emulated, and
 * reports each rule of the protocol spec. See docs/conformance.md.
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the conformance transcripts against a device (an emulator or a real ESP32) and reports each rule of the protocol spec.",
      "Starts a test HTTP(S) server on --serve-address for the device's requests, prints each failure with a byte-level "
          + "diff, then one line per rule id (PASS, FAIL or SKIP, and the transcripts behind it) and a summary."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no transcript failed (skipped ones are allowed)",
      "1:a transcript failed, or the JUnit XML could not be written",
      "2:usage error (bad option, a suite file that does not read, an address the test server cannot use)",
      "3:the device is not reachable: the port did not open or nothing answered AT"
    },
    footer = {
      "",
      "Examples:",
      "  ./esp-at emulate --tcp 127.0.0.1:3333 &",
      "  ./esp-at conformance --port socket://127.0.0.1:3333 --junit-xml target/conformance.xml",
      "  ./esp-at conformance --port /dev/ttyUSB0 --serve-address 192.168.1.20 --wifi home:secret",
      "  ./esp-at conformance --port socket://127.0.0.1:3333 --rule P-20 --rule P-30 -v",
      "  ./esp-at conformance --port socket://127.0.0.1:3333 --suite recorded.txn"
    })
final class ConformanceCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", required = true,
      description = "The device: socket://host:port (an emulator's --tcp), /dev/ttyUSB0, COM3 or serial:/dev/ttyUSB0?baud=921600.")
  String port;

  @Option(names = "--baud", paramLabel = "N",
      description = "The serial rate for a device name without a scheme (default: 115200). Not for socket:// ports.")
  Integer baud;

  @Option(names = "--suite", paramLabel = "DIR|FILE",
      description = "Run these transcripts (every *.txn below DIR, or one file) instead of the built-in suite.")
  Path suite;

  @Option(names = "--serve-address", paramLabel = "ADDR[:PORT]", converter = ServeAddress.class,
      description = "Where the test server listens: an address the device reaches. Loopback (the default) for an emulator; "
          + "the host's LAN address for a board on Wi-Fi. PORT 0 (the default) picks free ports; otherwise HTTP on PORT, "
          + "HTTPS on PORT+1.")
  InetSocketAddress serveAddress;

  @Option(names = "--junit-xml", paramLabel = "FILE",
      description = "Also write the results as JUnit XML (a testsuite per rule id) for CI systems.")
  Path junitXml;

  @Option(names = "--rule", paramLabel = "P-xx",
      description = "Run only the transcripts that name this rule (repeatable).")
  List<String> rules = new ArrayList<>();

  @Option(names = "--firmware", paramLabel = "VERSION",
      description = "The firmware the device runs (4.1, 3.0.0.0...), which picks version-specific transcripts; "
          + "by default it is read from AT+GMR.")
  String firmware;

  @Option(names = "--wifi", paramLabel = "SSID:PASSWORD", converter = Converters.WifiSpec.class,
      description = "The network the device joins. Given, it is also taken as one the device knows, so a wrong password "
          + "fails (an emulator started with --ap SSID:PASSWORD, a real access point). Default: espressif:1234567890, "
          + "which any emulator without --ap accepts; the wrong-password transcript is then skipped.")
  AccessPoint wifi;

  @Option(names = "--timeout-scale", paramLabel = "X", defaultValue = "1",
      description = "Multiply every transcript's timeout, for a slow board or a loaded machine (default: ${DEFAULT-VALUE}).")
  double timeoutScale;

  @Option(names = {"-v", "--verbose"}, description = "Also print each transcript that passes or is skipped, as it finishes.")
  boolean verbose;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    PrintWriter out = cmd.getOut();
    PrintWriter err = cmd.getErr();
    String portUrl = PortUrls.of(cmd, port, baud);
    Suite transcripts = suite();
    ConformanceRunner.Builder builder = runner(portUrl, out);
    TextReport text = new TextReport(out, verbose);
    ConformanceReport report;
    try {
      report = builder.listener(new ConformanceRunner.Listener() {
        @Override
        public void started(String device, String fw, String server, Suite s) {
          out.println("esp-at conformance: device on " + device + ", firmware " + fw + "; test server " + server);
          out.println("suite: " + s.origin() + ", " + s.transcripts().size() + " transcripts");
          out.flush();
        }

        @Override
        public void finished(dev.espat.conformance.TranscriptResult r) {
          text.transcript(r);
        }
      }).build().run(transcripts);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--port " + portUrl + ": " + e.getMessage());
    } catch (DeviceUnreachableException e) {
      err.println("esp-at conformance: " + SecretMasker.mask(e.getMessage()));
      err.flush();
      return ExitCodes.DEVICE;
    } catch (UncheckedIOException e) {
      throw new CommandLine.ParameterException(cmd, "--serve-address: " + e.getMessage());
    }
    out.println();
    text.summary(report, rules.isEmpty() && suite == null);
    if (junitXml != null) {
      try {
        JUnitXmlReport.write(report, junitXml);
        out.println("JUnit XML: " + junitXml);
        out.flush();
      } catch (IOException e) {
        err.println("esp-at conformance: cannot write the JUnit XML to " + junitXml + ": " + e.getMessage());
        err.flush();
        return ExitCodes.FAILURE;
      }
    }
    return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private Suite suite() {
    CommandLine cmd = spec.commandLine();
    for (String rule : rules) {
      if (!Rules.known(rule)) {
        throw new CommandLine.ParameterException(cmd, "--rule " + rule + ": not a rule id of the spec "
            + "(P-01..P-17, P-20..P-27, P-30..P-33, P-40..P-45, P-50..P-53)");
      }
    }
    Suite all;
    try {
      all = suite == null ? Suite.builtIn() : Suite.load(suite);
    } catch (TranscriptFormatException e) {
      throw new CommandLine.ParameterException(cmd, "--suite: " + e.getMessage());
    }
    Suite chosen = all.onlyRules(rules);
    if (chosen.transcripts().isEmpty()) {
      throw new CommandLine.ParameterException(cmd, "no transcript of the suite " + all.origin() + " names " + String.join(" or ", rules));
    }
    return chosen;
  }

  private ConformanceRunner.Builder runner(String portUrl, PrintWriter out) {
    CommandLine cmd = spec.commandLine();
    ConformanceRunner.Builder b = ConformanceRunner.builder(portUrl);
    if (serveAddress != null) {
      String host = serveAddress.getHostString();
      if (host.equals("0.0.0.0") || host.equals("::")) {
        throw new CommandLine.ParameterException(cmd, "--serve-address " + host + ": give the one address the device "
            + "reaches (it goes into the URLs the device is sent to), such as 192.168.1.20");
      }
      int p = serveAddress.getPort();
      if (p == 65535) {
        throw new CommandLine.ParameterException(cmd, "--serve-address: port 65535 leaves no room for HTTPS on the next port");
      }
      b.serveAddress(host, p);
    }
    if (wifi != null) {
      b.wifi(wifi.ssid(), wifi.password(), true);
    }
    if (firmware != null) {
      if (!firmware.matches("v?[0-9]+(\\.[0-9]+){0,3}")) {
        throw new CommandLine.ParameterException(cmd, "--firmware '" + firmware + "' is not a version like 4.1 or 3.0.0.0");
      }
      b.firmware(firmware.replaceFirst("^v", ""));
    }
    try {
      b.timeoutScale(timeoutScale);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--timeout-scale: " + e.getMessage());
    }
    return b;
  }

  /** {@code ADDR} (free ports) or {@code ADDR:PORT}; IPv6 in brackets. */
  static final class ServeAddress implements CommandLine.ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
      InetSocketAddress parsed = new Converters.TcpAddress().convert(value);
      boolean portGiven = value.matches(".*:[0-9]+") && (value.indexOf(':') == value.lastIndexOf(':') || value.contains("]:"));
      if (value.matches("[0-9]+")) {
        throw new CommandLine.TypeConversionException("'" + value + "': give the address the device reaches, like 192.168.1.20 or 192.168.1.20:8080");
      }
      return portGiven ? parsed : InetSocketAddress.createUnresolved(parsed.getHostString(), 0);
    }
  }
}
