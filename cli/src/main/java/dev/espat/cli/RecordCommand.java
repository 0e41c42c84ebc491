package dev.espat.cli;

import dev.espat.conformance.record.TranscriptRecorder;
import dev.espat.driver.Transport;
import dev.espat.emulator.device.AccessPoint;
import dev.espat.emulator.port.HostPty;
import dev.espat.grammar.SecretMasker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code esp-at record}: a pass-through virtual serial port in front of a device; the session that
 * crosses it is written as a transcript, which {@code esp-at conformance --suite FILE} replays.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Records a live session with a device (real or emulated) as a conformance transcript.",
      "Opens a virtual serial port (a pty) that a terminal or a firmware uses in place of the device's own port; "
          + "every byte passes through both ways, and the session is written to --out when the host closes the port "
          + "(or on Ctrl-C). Frame lengths, addresses, dates and the Wi-Fi network become placeholders; "
          + "the Wi-Fi password is never written.",
      "Replay it with: ./esp-at conformance --port PORT --suite FILE"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the session was written",
      "1:the pty could not be opened or the file not written",
      "2:usage error",
      "3:the device's port could not be opened, or it closed during the session (what was recorded is still written)"
    },
    footer = {
      "",
      "Examples:",
      "  ./esp-at record --port /dev/ttyUSB0 --out board-session.txn",
      "      then, in another terminal: picocom -b 115200 --omap crcrlf /tmp/ttyESPrecord",
      "  ./esp-at record --port socket://127.0.0.1:3333 --pty /tmp/ttyFW --out fw.txn --wifi home:secret",
      "  ./esp-at conformance --port socket://127.0.0.1:3333 --suite fw.txn --wifi home:secret"
    })
final class RecordCommand implements Callable<Integer> {
  private static final int BUFFER = 8192;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", required = true,
      description = "The device: /dev/ttyUSB0, COM3, serial:/dev/ttyUSB0?baud=921600 or socket://host:port.")
  String port;

  @Option(names = "--baud", paramLabel = "N",
      description = "The serial rate for a device name without a scheme (default: 115200).")
  Integer baud;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where the transcript goes (replaced).")
  Path out;

  @Option(names = "--pty", paramLabel = "PATH",
      description = "The link of the virtual serial port the host opens (default: ttyESPrecord in the temporary directory).")
  Path pty;

  @Option(names = "--name", paramLabel = "NAME", description = "The transcript's name (default: the file's name without .txn).")
  String name;

  @Option(names = "--wifi", paramLabel = "SSID:PASSWORD", converter = Converters.WifiSpec.class,
      description = "The network the session joins: written as {ssid} and {password} wherever it shows, so that "
          + "the replay joins the network it is given. An AT+CWJAP's password is never written, with or without this.")
  AccessPoint wifi;

  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile boolean hostAttached;
  private volatile String deviceGone;
  /** The session ended: the ports close now, and that is no failure of the device. */
  private volatile boolean over;

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cmd = spec.commandLine();
    PrintWriter stdout = cmd.getOut();
    String portUrl = PortUrls.of(cmd, port, baud);
    Path outFile = out.toAbsolutePath();
    if (!Files.isDirectory(outFile.getParent())) {
      throw new CommandLine.ParameterException(cmd, "--out " + out + ": the directory " + outFile.getParent() + " does not exist");
    }
    String transcriptName = name != null ? name : out.getFileName().toString().replaceFirst("\\.txn$", "");
    if (!transcriptName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new CommandLine.ParameterException(cmd, "--name '" + transcriptName + "' must be letters, digits, '.', '_' or '-'");
    }
    Transport device;
    try {
      device = Transport.open(portUrl);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--port " + portUrl + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return fail(ExitCodes.DEVICE, "cannot open " + portUrl + ": " + e.getMessage());
    }
    Path link = pty != null ? pty : Path.of(System.getProperty("java.io.tmpdir"), "ttyESPrecord");
    HostPty host;
    try {
      host = HostPty.open(link);
    } catch (IOException e) {
      device.close();
      return fail(ExitCodes.FAILURE, "cannot open the pty " + link + ": " + e.getMessage());
    }
    TranscriptRecorder recorder = new TranscriptRecorder(transcriptName, SecretMasker.mask(portUrl),
        wifi == null ? null : wifi.ssid(), wifi == null ? null : wifi.password());
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "esp-at-record-stop"));
    stdout.println("recording " + device.description() + " on pty " + host.symlink() + " (" + host.slavePath()
        + "): open it as the device's serial port; the session ends when the host closes it, or on Ctrl-C");
    stdout.flush();
    try (device; host) {
      Thread fromDevice = Thread.ofPlatform().daemon().name("esp-at-record-device").start(() -> forwardDevice(device, host, recorder));
      forwardHost(host, device, recorder);
      over = true;
      fromDevice.interrupt();
    } finally {
      finished.countDown();
    }
    return write(recorder, portUrl, stdout);
  }

  /** Host to device, until the host leaves (after it came), the device goes, or Ctrl-C. */
  private void forwardHost(HostPty host, Transport device, TranscriptRecorder recorder) throws InterruptedException {
    byte[] buffer = new byte[BUFFER];
    boolean sessionBegan = false;
    while (!stopping && deviceGone == null) {
      int n;
      try {
        n = host.read(buffer, 100);
      } catch (IOException e) {
        spec.commandLine().getErr().println("esp-at record: the pty failed: " + e.getMessage());
        return;
      }
      if (n < 0) {
        hostAttached = false;
        if (sessionBegan) {
          return;
        }
        continue;
      }
      hostAttached = true;
      sessionBegan = true;
      if (n > 0) {
        recorder.fromHost(buffer, 0, n);
        try {
          device.write(java.util.Arrays.copyOf(buffer, n));
        } catch (IOException e) {
          deviceGone = e.getMessage();
        }
      }
    }
  }

  /** Device to host; what comes while no host holds the pty is lost, as on a UART (P-52). */
  private void forwardDevice(Transport device, HostPty host, TranscriptRecorder recorder) {
    byte[] buffer = new byte[BUFFER];
    try {
      while (!Thread.currentThread().isInterrupted()) {
        int n = device.read(buffer, 0, buffer.length);
        if (n < 0) {
          if (!over) {
            deviceGone = device.description() + " closed";
          }
          return;
        }
        if (n > 0 && hostAttached) {
          recorder.fromDevice(buffer, 0, n);
          host.write(java.util.Arrays.copyOf(buffer, n));
        }
      }
    } catch (IOException e) {
      if (!over && !stopping) {
        deviceGone = e.getMessage();
      }
    } catch (InterruptedException e) {
      // recording is over
    }
  }

  private void stopOnSignal() {
    stopping = true;
    try {
      finished.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int write(TranscriptRecorder recorder, String portUrl, PrintWriter stdout) {
    String text = recorder.transcript();
    try {
      Files.writeString(out, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return fail(ExitCodes.FAILURE, "cannot write " + out + ": " + e.getMessage());
    }
    long steps = text.lines().filter(l -> l.startsWith(">") || l.startsWith("<") || l.startsWith("frames")).count();
    stdout.println("wrote " + out + ": " + steps + " steps");
    stdout.println("replay it: ./esp-at conformance --port " + portUrl + " --suite " + out
        + (wifi != null ? " --wifi " + wifi.ssid() + ":" + SecretMasker.MASK : ""));
    stdout.flush();
    if (deviceGone != null) {
      return fail(ExitCodes.DEVICE, "the device went away during the session (" + deviceGone + "); what came before is in " + out);
    }
    return ExitCodes.OK;
  }

  private int fail(int code, String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("esp-at record: " + SecretMasker.mask(message));
    err.flush();
    return code;
  }
}
