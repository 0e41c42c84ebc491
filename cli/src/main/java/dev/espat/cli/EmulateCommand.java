package dev.espat.cli;

import dev.espat.emulator.EmulatedDevice;
import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.device.AccessPoint;
import dev.espat.emulator.firmware.FirmwareProfile;
import dev.espat.emulator.port.DevicePort;
import dev.espat.emulator.port.PtyPort;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code esp-at emulate}: one or more simulated ESP32s running ESP-AT, each reachable on a port,
 * until Ctrl-C.
 */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Starts emulated ESP32s running ESP-AT and serves them until Ctrl-C.",
      "Prints a line starting with 'listening' for each port once it accepts hosts,",
      "and 'admin listening on URL' for the admin API (--admin)."
    },
    footer = {
      "",
      "Examples:",
      "  ./esp-at emulate                      (a pty at /tmp/ttyESP0)",
      "  ./esp-at emulate --tcp 127.0.0.1:3333",
      "  ./esp-at emulate --serial /dev/ttyUSB0 --baud 115200",
      "  ./esp-at emulate --tcp 4000 --devices 3 --unpaced",
      "  ./esp-at emulate --tcp 3333 --firmware 3.1 --ap espressif:1234567890 --trace esp.log",
      "  ./esp-at emulate --resolve httpbin.org:80:127.0.0.1:8080",
      "  ./esp-at emulate --tcp 3333 --admin 8080     (faults over HTTP: docs/admin-api.md)",
      "  ESP_AT_ADMIN_TOKEN=s3cret ./esp-at emulate --tcp 0.0.0.0 --admin 0.0.0.0"
    })
final class EmulateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pty", paramLabel = "PATH", arity = "0..1", fallbackValue = "",
      description = "Serve each device on a pseudo-terminal with a stable symlink at PATH "
          + "(default: ttyESP0, ttyESP1, ... in the temporary directory). The default port.")
  String pty;

  @Option(names = "--serial", paramLabel = "DEVICE",
      description = "Serve the device on a real serial port (a USB-serial adapter wired to the MCU), at --baud.")
  String serial;

  @Option(names = "--stdio",
      description = "Serve the device on standard input and output; status lines go to standard error.")
  boolean stdio;

  @Option(names = "--tcp", paramLabel = "HOST:PORT", converter = Converters.TcpAddress.class,
      description = "Serve each device on a TCP port (loopback unless a host is given; port 3333 when only a host is).")
  InetSocketAddress tcp;

  @Option(names = "--devices", paramLabel = "N", defaultValue = "1",
      description = "How many devices, each on its own pty and/or consecutive TCP ports (default: ${DEFAULT-VALUE}).")
  int devices;

  @Option(names = "--firmware", paramLabel = "VERSION", converter = Converters.Firmware.class,
      description = "Firmware to emulate: 2.2, 3.0, 3.1 or 4.1 (default: the newest).")
  FirmwareProfile firmware = FirmwareProfile.newest();

  @Option(names = "--ap", paramLabel = "SSID:PASSWORD", converter = Converters.Ap.class,
      description = "An access point the device can join (repeatable). Without any, every SSID and password joins.")
  List<AccessPoint> accessPoints = new ArrayList<>();

  @Option(names = "--join-delay", paramLabel = "TIME", converter = Converters.Millis.class, defaultValue = "0",
      description = "How long AT+CWJAP takes: 500, 500ms or 2s (default: ${DEFAULT-VALUE} ms).")
  Duration joinDelay;

  @Option(names = "--boot-delay", paramLabel = "TIME", converter = Converters.Millis.class, defaultValue = "300ms",
      description = "From AT+RST to 'ready' (default: ${DEFAULT-VALUE}).")
  Duration bootDelay;

  @Option(names = "--data-timeout", paramLabel = "TIME", converter = Converters.Millis.class,
      description = "Leave data mode when the host stops sending for this long (the firmware waits for ever).")
  Duration dataTimeout;

  @Option(names = "--baud", paramLabel = "N", defaultValue = "115200",
      description = "UART rate that output is paced at (default: ${DEFAULT-VALUE}).")
  int baud;

  @Option(names = "--unpaced", description = "Write output as fast as the port takes it, not at the UART rate.")
  boolean unpaced;

  @Option(names = "--resolve", paramLabel = "HOST:PORT:ADDR:PORT", converter = Converters.ResolveSpec.class,
      description = "Send the device's requests for HOST:PORT to ADDR:PORT instead, like curl's --resolve "
          + "(repeatable): firmware written for a public API runs against a local stand-in.")
  List<Converters.Resolve> resolves = new ArrayList<>();

  @Option(names = "--follow-redirects",
      description = "Follow up to 10 redirects, as observed firmware does; by default 3xx answers are printed (documented behaviour).")
  boolean followRedirects;

  @Option(names = "--ca-cert", paramLabel = "FILE",
      description = "A PEM CA certificate the device holds for AT+HTTPCFG modes 2 and 3 (repeatable; numbered from 0 in order).")
  List<Path> caCertificates = new ArrayList<>();

  @Option(names = "--client-cert", paramLabel = "FILE",
      description = "A PEM client certificate for AT+HTTPCFG modes 1 and 3 (repeatable, each with a --client-key).")
  List<Path> clientCertificates = new ArrayList<>();

  @Option(names = "--client-key", paramLabel = "FILE", description = "The PEM private key of the --client-cert in the same position.")
  List<Path> clientKeys = new ArrayList<>();

  @Option(names = "--admin", paramLabel = "HOST:PORT", converter = Converters.AdminAddress.class,
      description = "Serve the admin API (HTTP and JSON: devices, faults, trace, reset; see docs/admin-api.md) "
          + "on HOST:PORT (loopback unless a host is given; port 8080 when only a host is). "
          + "An address that is not loopback needs --admin-token.")
  InetSocketAddress admin;

  // No ${DEFAULT-VALUE} in the description: --help must not print a token taken from the environment.
  @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:ESP_AT_ADMIN_TOKEN}",
      description = "Require 'Authorization: Bearer TOKEN' on every admin request but /api/health "
          + "(default: the ESP_AT_ADMIN_TOKEN environment variable, if set).")
  String adminToken;

  @Option(names = "--trace", paramLabel = "FILE",
      description = "Append every line and byte each device receives and writes to FILE (secrets masked).")
  Path trace;

  @Override
  public Integer call() throws InterruptedException {
    EspAtEmulator.Builder builder = configure();
    EspAtEmulator emulator;
    try {
      emulator = builder.start();
    } catch (IllegalArgumentException e) {
      // What the builder refuses before binding anything: an admin address that is not loopback
      // without a token. The message names the address.
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("esp-at emulate: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "esp-at-shutdown"));
    // With --stdio, standard output is the device's UART: status goes to standard error.
    announce(emulator, stdio ? spec.commandLine().getErr() : spec.commandLine().getOut());
    stopped.await();
    return ExitCodes.OK;
  }

  private EspAtEmulator.Builder configure() {
    if (devices < 1 || devices > 64) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--devices must be 1..64, got " + devices);
    }
    if (baud < 80 || baud > 5_000_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--baud must be 80..5000000, got " + baud);
    }
    EspAtEmulator.Builder b = EspAtEmulator.builder()
        .firmware(firmware).devices(devices).joinDelay(joinDelay).bootDelay(bootDelay).baudRate(baud);
    accessPoints.forEach(ap -> b.accessPoint(ap.ssid(), ap.password()));
    if (dataTimeout != null) {
      b.dataModeTimeout(dataTimeout);
    }
    if (unpaced) {
      b.unpaced();
    }
    if (trace != null) {
      b.trace(trace);
    }
    resolves.forEach(r -> b.resolve(r.host(), r.port(), r.address(), r.toPort()));
    b.followRedirects(followRedirects);
    if (clientCertificates.size() != clientKeys.size()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "each --client-cert needs a --client-key (got "
          + clientCertificates.size() + " certificates and " + clientKeys.size() + " keys)");
    }
    for (Path file : concat(caCertificates, clientCertificates, clientKeys)) {
      if (!java.nio.file.Files.isReadable(file)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "cannot read the certificate file " + file);
      }
    }
    caCertificates.forEach(b::caCertificate);
    for (int i = 0; i < clientCertificates.size(); i++) {
      b.clientCertificate(clientCertificates.get(i), clientKeys.get(i));
    }
    if ((stdio || serial != null) && devices > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          (stdio ? "--stdio" : "--serial") + " serves one device; --devices " + devices + " needs --tcp or --pty");
    }
    boolean anyPort = tcp != null || pty != null || serial != null || stdio;
    if (!anyPort && PtyPort.isSupported()) {
      b.pty(null);
    } else if (!anyPort) {
      b.tcp("127.0.0.1", Converters.DEFAULT_TCP_PORT);
    }
    if (pty != null) {
      if (!PtyPort.isSupported()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--pty needs Linux or macOS; use --tcp here");
      }
      b.pty(pty.isEmpty() ? null : Path.of(pty));
    }
    if (tcp != null) {
      b.tcp(tcp.getHostString(), tcp.getPort());
    }
    if (serial != null) {
      b.serial(serial, baud);
    }
    if (stdio) {
      b.stdio();
    }
    if (admin != null) {
      b.admin(admin.getHostString(), admin.getPort());
      try {
        b.adminToken(adminToken);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--admin-token: " + e.getMessage());
      }
    }
    return b;
  }

  @SafeVarargs
  private static List<Path> concat(List<Path>... lists) {
    List<Path> all = new ArrayList<>();
    for (List<Path> l : lists) {
      all.addAll(l);
    }
    return all;
  }

  private void announce(EspAtEmulator emulator, PrintWriter out) {
    for (EmulatedDevice d : emulator.devices()) {
      for (DevicePort port : d.ports()) {
        out.println("listening " + d.name() + " on " + port.describe());
      }
    }
    emulator.adminUrl().ifPresent(url -> out.println("admin listening on " + url));
    out.println("firmware " + firmware.version() + ", " + (unpaced ? "unpaced" : baud + " baud")
        + (accessPoints.isEmpty() ? ", any access point joins" : ", access points: "
            + accessPoints.stream().map(AccessPoint::ssid).toList())
        + (trace != null ? ", trace in " + trace : "") + "; Ctrl-C stops");
    out.flush();
  }
}
