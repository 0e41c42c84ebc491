package dev.espat.cli;

import dev.espat.driver.AtException;
import dev.espat.driver.ChannelClosedException;
import dev.espat.driver.CommandTimeoutException;
import dev.espat.driver.DeviceResetException;
import dev.espat.driver.EspAt;
import dev.espat.driver.Transport;
import dev.espat.driver.http.BodyHandlers;
import dev.espat.driver.http.ContentType;
import dev.espat.driver.http.HttpBodyTooLargeException;
import dev.espat.driver.http.HttpConnectionException;
import dev.espat.driver.http.HttpException;
import dev.espat.driver.http.HttpRequest;
import dev.espat.driver.http.HttpResponse;
import dev.espat.driver.http.HttpStatus;
import dev.espat.driver.http.UnsupportedHttpMethodException;
import dev.espat.emulator.device.AccessPoint;
import dev.espat.grammar.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esp-at request}: one HTTP request through an ESP32 (real or emulated), like curl. The body
 * goes to standard output byte for byte (or to {@code -o FILE}); everything else to standard error.
 */
@Command(
    name = "request",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Performs an HTTP request through an ESP32 running ESP-AT (real or emulated), like curl.",
      "Opens the device on --port, joins --wifi when given, sends the request with the AT+HTTP... command "
          + "the driver picks, and writes the response body to standard output byte for byte (or to -o FILE).",
      "The firmware reports no status line on success and no response headers (except for HEAD): "
          + "a status of 400 or more is known only on firmware 4.1 and later. "
          + "For -X HEAD the response headers are written instead of a body, like curl -I."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the request succeeded",
      "1:other failure (output file not writable, firmware lacks the command, body too large, "
          + "an HTTP failure that firmware before 4.1 does not explain)",
      "2:usage error (bad option, header without a colon, unreadable -d @FILE, bad --wifi, bad URL)",
      "3:device error: the port could not be opened, no handshake, Wi-Fi join failed, device closed or reset",
      "4:the server answered a status >= 400; the body is still written",
      "5:timeout: the device did not finish within --timeout",
      "6:the device could not connect to the server (DNS, refused, TLS, no IP)"
    },
    footer = {
      "",
      "With -v, standard error shows each AT line the host sends (>) and the device answers (<), "
          + "Wi-Fi passwords and Authorization values masked, long lines cut, then the status and sizes.",
      "",
      "Examples:",
      "  ./esp-at request --port /dev/ttyUSB0 --wifi espressif:1234567890 \\",
      "      -o page.html http://example.com/",
      "  ./esp-at request --port socket://127.0.0.1:3333 --wifi home:pw \\",
      "      http://httpbin.org/get",
      "  ./esp-at request --port COM3 --baud 921600 -X POST \\",
      "      -H 'Content-Type: application/json' -d '{\"a\":1}' http://httpbin.org/post",
      "  ./esp-at request --port socket://127.0.0.1:3333 -v \\",
      "      -H 'Content-Type: image/jpeg' -d @photo.jpg http://example.com/upload"
    })
final class RequestCommand implements Callable<Integer> {

  /** Longest AT line -v prints before cutting it. */
  private static final int TRACE_LINE_LIMIT = 200;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where the body goes without {@code -o}; tests set their own. */
  OutputStream stdout = System.out;

  @Option(names = "--port", paramLabel = "PORT", required = true,
      description = "The device: /dev/ttyUSB0, COM3, serial:/dev/ttyUSB0?baud=921600 or socket://host:port (an emulator's --tcp).")
  String port;

  @Option(names = "--baud", paramLabel = "N",
      description = "The serial rate for a device name without a scheme (default: 115200). Not for socket:// ports.")
  Integer baud;

  @Option(names = "--wifi", paramLabel = "SSID:PASSWORD", converter = Converters.WifiSpec.class,
      description = "Join this network first (AT+CWJAP). Without it the device must already have an IP.")
  AccessPoint wifi;

  @Option(names = {"-X", "--request"}, paramLabel = "METHOD",
      description = "GET, HEAD, POST, PUT or DELETE (default: GET, or POST with -d).")
  String method;

  @Option(names = {"-H", "--header"}, paramLabel = "'Key: Value'", converter = Converters.HeaderSpec.class,
      description = "A request header (repeatable). Content-Type sets the body's type.")
  List<Converters.Header> headers = new ArrayList<>();

  @Option(names = {"-d", "--data"}, paramLabel = "DATA|@FILE|@-", converter = Converters.Data.class,
      description = "The request body: the text as UTF-8, the bytes of FILE with @FILE (streamed, any size the "
          + "device takes), or standard input with @-. "
          + "Content type application/x-www-form-urlencoded unless -H 'Content-Type: ...' says otherwise.")
  Converters.Body data;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the body to FILE instead of standard output; FILE appears only once the body is whole.")
  Path output;

  @Option(names = {"-v", "--verbose"},
      description = "Show the AT exchange (credentials masked), the status and the sizes on standard error.")
  boolean verbose;

  @Option(names = "--timeout", paramLabel = "TIME", converter = Converters.Millis.class, defaultValue = "30s",
      description = "How long the device may take for the request: 500ms, 30s (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Parameters(index = "0", paramLabel = "URL", description = "An http:// or https:// URL.")
  String url;

  @Override
  public Integer call() {
    HttpRequest request = buildRequest();
    String shownUrl = SecretMasker.mask(url);
    String portUrl = portUrl();
    PrintWriter err = spec.commandLine().getErr();

    Transport transport;
    try {
      transport = Transport.open(portUrl);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port " + portUrl + ": " + e.getMessage());
    } catch (IOException | UncheckedIOException | AtException e) {
      return fail(ExitCodes.DEVICE, "cannot open " + portUrl + ": " + e.getMessage());
    }
    if (verbose) {
      transport = new TracingTransport(transport, err);
      progress("opened " + transport.description());
    }
    EspAt esp;
    try {
      esp = EspAt.builder(transport).commandTimeout(timeout).open();
    } catch (RuntimeException e) {
      transport.close();
      return fail(ExitCodes.DEVICE, "the device on " + portUrl + " did not answer the handshake: " + e.getMessage());
    }
    try (esp) {
      progress("firmware " + esp.firmware().version());
      if (wifi != null) {
        try {
          esp.wifi().join(wifi.ssid(), wifi.password());
          progress("joined Wi-Fi '" + wifi.ssid() + "'");
        } catch (RuntimeException e) {
          return fail(ExitCodes.DEVICE, "cannot join Wi-Fi '" + wifi.ssid() + "' on " + portUrl + ": " + e.getMessage());
        }
      }
      progress(request.method() + " " + shownUrl + request.body().map(b -> " with a " + b.length() + "-byte body").orElse(""));
      HttpResponse<?> response;
      long sent = System.nanoTime();
      try {
        // The body goes out as it arrives, like curl; -o FILE appears only once it is whole.
        response = output != null ? esp.http().send(request, BodyHandlers.ofFile(output))
            : esp.http().send(request, BodyHandlers.ofOutputStream(stdout));
      } catch (UncheckedIOException e) {
        return fail(ExitCodes.FAILURE, "cannot write the body to " + (output != null ? output : "standard output")
            + ": " + e.getMessage());
      } catch (UnsupportedHttpMethodException | IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), request.method() + " " + shownUrl + ": " + e.getMessage());
      } catch (HttpConnectionException e) {
        if (System.nanoTime() - sent >= timeout.toNanos()) {
          // The device's own network timeout is --timeout (P-22): its connection failure then is the timeout.
          return fail(ExitCodes.TIMEOUT, request.method() + " " + shownUrl + " timed out after " + timeout.toMillis()
              + " ms (the device gave up: " + e.getMessage() + ")");
        }
        return fail(ExitCodes.CONNECTION, "cannot connect for " + request.method() + " " + shownUrl + ": " + e.getMessage());
      } catch (CommandTimeoutException e) {
        return fail(ExitCodes.TIMEOUT, request.method() + " " + shownUrl + " timed out after " + timeout.toMillis() + " ms");
      } catch (HttpBodyTooLargeException e) {
        return fail(ExitCodes.FAILURE, request.method() + " " + shownUrl + ": " + e.getMessage());
      } catch (HttpException e) {
        return fail(ExitCodes.FAILURE, request.method() + " " + shownUrl + " failed: " + e.getMessage());
      } catch (ChannelClosedException | DeviceResetException e) {
        return fail(ExitCodes.DEVICE, request.method() + " " + shownUrl + ": the device on " + portUrl + " went away: " + e.getMessage());
      } catch (UnsupportedOperationException e) {
        return fail(ExitCodes.FAILURE, request.method() + " " + shownUrl + ": " + e.getMessage());
      } catch (AtException e) {
        return fail(ExitCodes.DEVICE, request.method() + " " + shownUrl + ": " + e.getMessage());
      }
      progress("sent with " + response.command().atName() + "; status: " + response.status()
          + "; body " + response.bodyLength() + " bytes");
      if (output != null) {
        progress("wrote " + response.bodyLength() + " bytes to " + output);
      }
      if (request.method().equals("HEAD")) {
        // Like curl -I: the response headers are what HEAD has to show.
        StringBuilder lines = new StringBuilder();
        response.headers().forEach(h -> lines.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        if (!writeHeaders(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
          return ExitCodes.FAILURE;
        }
      }
      if (response.status() instanceof HttpStatus.Failed f) {
        return fail(ExitCodes.HTTP_ERROR, "the server answered " + f.status() + " for " + request.method() + " " + shownUrl);
      }
      return ExitCodes.OK;
    } catch (CommandLine.ParameterException e) {
      throw e;
    } catch (RuntimeException e) {
      // Closing, or something the driver did not foresee: one line, never a stack trace.
      return fail(ExitCodes.DEVICE, "device on " + portUrl + ": " + e.getMessage());
    }
  }

  private HttpRequest buildRequest() {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "'" + SecretMasker.mask(url) + "' is not a URL: " + e.getReason());
    }
    String m = method != null ? method.toUpperCase(Locale.ROOT) : data != null ? "POST" : "GET";
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
      b.method(m, data == null ? null : data.body());
      boolean typed = false;
      for (Converters.Header h : headers) {
        if (h.name().equalsIgnoreCase("Content-Type")) {
          b.contentType(h.value());
          typed = true;
        } else {
          b.header(h.name(), h.value());
        }
      }
      if (data != null && !typed) {
        b.contentType(ContentType.FORM_URLENCODED);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), SecretMasker.mask(e.getMessage()));
    }
  }

  /** The driver's port URL: a bare device name with --baud becomes serial:NAME?baud=N. */
  private String portUrl() {
    return PortUrls.of(spec.commandLine(), port, baud);
  }

  private boolean writeHeaders(byte[] body) {
    try {
      if (output != null) {
        Files.write(output, body);
      } else {
        stdout.write(body);
        stdout.flush();
      }
      return true;
    } catch (IOException | UncheckedIOException e) {
      fail(ExitCodes.FAILURE, "cannot write the body to " + (output != null ? output : "standard output") + ": " + e.getMessage());
      return false;
    }
  }

  private void progress(String line) {
    if (verbose) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("* " + SecretMasker.mask(line));
      err.flush();
    }
  }

  private int fail(int code, String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("esp-at request: " + SecretMasker.mask(message));
    err.flush();
    return code;
  }

  /** Prints each line the host writes ({@code >}) and the device writes ({@code <}), masked. */
  static final class TracingTransport implements Transport {
    private final Transport inner;
    private final PrintWriter err;
    private final StringBuilder incoming = new StringBuilder();

    TracingTransport(Transport inner, PrintWriter err) {
      this.inner = inner;
      this.err = err;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = inner.read(buffer, offset, length);
      if (n > 0) {
        synchronized (incoming) {
          for (int i = offset; i < offset + n; i++) {
            char c = (char) (buffer[i] & 0xff);
            if (c == '\n') {
              print("< ", incoming.toString());
              incoming.setLength(0);
            } else if (c != '\r' && incoming.length() <= TRACE_LINE_LIMIT) {
              incoming.append(c);
            }
          }
          // A prompt ("> ") has no line end: show it when it is all that is pending.
          if (incoming.toString().equals(">")) {
            print("< ", ">");
            incoming.setLength(0);
          }
        }
      }
      return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
      String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
      for (String line : text.split("\r?\n", -1)) {
        if (!line.isEmpty()) {
          print("> ", line);
        }
      }
      inner.write(bytes);
    }

    private void print(String direction, String line) {
      if (line.isEmpty()) {
        return;
      }
      StringBuilder shown = new StringBuilder();
      for (char c : line.toCharArray()) {
        shown.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        if (shown.length() > TRACE_LINE_LIMIT) {
          shown.append("...");
          break;
        }
      }
      synchronized (err) {
        err.println(direction + SecretMasker.mask(shown.toString()));
        err.flush();
      }
    }

    @Override
    public void changeBaudRate(int baud) throws IOException {
      inner.changeBaudRate(baud);
    }

    @Override
    public java.util.OptionalInt baudRate() {
      return inner.baudRate();
    }

    @Override
    public String description() {
      return inner.description();
    }

    @Override
    public void close() {
      inner.close();
    }
  }

}
