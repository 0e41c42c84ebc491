package dev.espat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.espat.emulator.EspAtEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code esp-at request} in-process against an emulated device and a web server on loopback. */
class RequestIT {

  /** Every byte value, twice: a body that text handling would damage. */
  private static final byte[] BINARY = new byte[512];

  static {
    for (int i = 0; i < BINARY.length; i++) {
      BINARY[i] = (byte) i;
    }
  }

  private EspAtEmulator emulator;
  private HttpServer server;
  private String port;
  private String base;
  private final AtomicReference<byte[]> lastPostBody = new AtomicReference<>();
  private final AtomicReference<String> lastPostType = new AtomicReference<>();

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/bytes", x -> {
      x.getResponseHeaders().add("Content-Type", "application/octet-stream");
      if (x.getRequestMethod().equals("HEAD")) {
        x.sendResponseHeaders(200, -1);
      } else {
        x.sendResponseHeaders(200, BINARY.length);
        x.getResponseBody().write(BINARY);
      }
      x.close();
    });
    server.createContext("/post", x -> {
      lastPostBody.set(x.getRequestBody().readAllBytes());
      lastPostType.set(x.getRequestHeaders().getFirst("Content-Type"));
      byte[] answer = "posted".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(200, answer.length);
      x.getResponseBody().write(answer);
      x.close();
    });
    server.createContext("/missing", x -> {
      byte[] answer = "no such page".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(404, answer.length);
      x.getResponseBody().write(answer);
      x.close();
    });
    server.createContext("/slow", x -> {
      try {
        Thread.sleep(4_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void emulator(EspAtEmulator.Builder builder) {
    emulator = builder.unpaced().tcp("127.0.0.1", 0).start();
    InetSocketAddress a = emulator.device().tcpAddress().orElseThrow();
    port = "socket://127.0.0.1:" + a.getPort();
  }

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
    server.stop(0);
  }

  private int run(String... args) {
    CommandLine cli = EspAt.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    ((RequestCommand) cli.getSubcommands().get("request").getCommand()).stdout = body;
    return cli.execute(args);
  }

  @Test
  void getWritesTheBodyToStandardOutputByteForByte() {
    emulator(EspAtEmulator.builder());
    assertThat(run("request", "--port", port, "--wifi", "home:pw", base + "/bytes")).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(body.toByteArray()).isEqualTo(BINARY);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void outputFileGetsTheBodyAndVerboseShowsTheExchangeMasked(@TempDir Path dir) throws Exception {
    emulator(EspAtEmulator.builder());
    Path file = dir.resolve("page.bin");
    assertThat(run("request", "--port", port, "--wifi", "home:s3cr3t-pw", "-v", "-o", file.toString(), base + "/bytes"))
        .as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllBytes(file)).isEqualTo(BINARY);
    assertThat(body.size()).isZero();
    assertThat(err.toString()).contains("> AT+CWJAP=\"home\",\"***\"", "< OK", "* GET " + base + "/bytes", "512 bytes")
        .doesNotContain("s3cr3t-pw");
  }

  @Test
  void headWritesTheResponseHeadersLikeCurlDashI() {
    emulator(EspAtEmulator.builder());
    assertThat(run("request", "--port", port, "--wifi", "home:pw", "-X", "HEAD", base + "/bytes"))
        .as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(body.toString(StandardCharsets.UTF_8)).containsIgnoringCase("content-type: application/octet-stream\r\n");
  }

  @Test
  void postSendsTheData() {
    emulator(EspAtEmulator.builder());
    assertThat(run("request", "--port", port, "--wifi", "home:pw", "-d", "a=1&b=2", base + "/post"))
        .as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(new String(lastPostBody.get(), StandardCharsets.UTF_8)).isEqualTo("a=1&b=2");
    assertThat(lastPostType.get()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("posted");
  }

  @Test
  void postSendsAFileWithItsContentType(@TempDir Path dir) throws Exception {
    emulator(EspAtEmulator.builder());
    Path file = dir.resolve("body.json");
    Files.writeString(file, "{\"a\":1}");
    assertThat(run("request", "--port", port, "--wifi", "home:pw", "-X", "POST", "-H", "Content-Type: application/json",
        "-d", "@" + file, base + "/post")).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(new String(lastPostBody.get(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(lastPostType.get()).isEqualTo("application/json");
  }

  @Test
  void dataFromStandardInputWithAtDash() {
    emulator(EspAtEmulator.builder());
    byte[] binary = new byte[300_000];
    new java.util.Random(11).nextBytes(binary);
    java.io.InputStream saved = Converters.Data.stdin;
    Converters.Data.stdin = new java.io.ByteArrayInputStream(binary);
    try {
      assertThat(run("request", "--port", port, "--wifi", "home:pw", "-H", "Content-Type: application/octet-stream",
          "-d", "@-", base + "/post")).as(err.toString()).isEqualTo(ExitCodes.OK);
    } finally {
      Converters.Data.stdin = saved;
    }
    assertThat(lastPostBody.get()).isEqualTo(binary);
    assertThat(lastPostType.get()).isEqualTo("application/octet-stream");
  }

  @Test
  void aLargeBodyStreamsToTheOutputFile(@TempDir Path dir) throws Exception {
    byte[] big = new byte[5 * 1024 * 1024];
    new java.util.Random(12).nextBytes(big);
    server.createContext("/big", x -> {
      x.sendResponseHeaders(200, big.length);
      x.getResponseBody().write(big);
      x.close();
    });
    emulator(EspAtEmulator.builder());
    Path file = dir.resolve("big.bin");
    assertThat(run("request", "--port", port, "--wifi", "home:pw", "--timeout", "120s", "-o", file.toString(), base + "/big"))
        .as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllBytes(file)).isEqualTo(big);
  }

  @Test
  void statusOf400OrMoreExitsWithTheHttpErrorCodeAndStillWritesTheBody() {
    emulator(EspAtEmulator.builder());
    assertThat(run("request", "--port", port, "--wifi", "home:pw", base + "/missing")).isEqualTo(ExitCodes.HTTP_ERROR);
    assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("no such page");
    assertThat(err.toString()).contains("404", base + "/missing").doesNotContain("Exception");
  }

  @Test
  void refusedConnectionExitsWithTheConnectionCode() throws Exception {
    emulator(EspAtEmulator.builder());
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed + "/";
    assertThat(run("request", "--port", port, "--wifi", "home:pw", url)).isEqualTo(ExitCodes.CONNECTION);
    assertThat(err.toString()).startsWith("esp-at request: cannot connect for GET " + url).doesNotContain("Exception");
    assertThat(err.toString().lines().count()).isLessThanOrEqualTo(2);
  }

  @Test
  void aServerSlowerThanTheTimeoutExitsWithTheTimeoutCode() {
    emulator(EspAtEmulator.builder());
    assertThat(run("request", "--port", port, "--wifi", "home:pw", "--timeout", "1s", base + "/slow"))
        .as(err.toString()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(err.toString()).startsWith("esp-at request: GET " + base + "/slow timed out after 1000 ms");
  }

  @Test
  void verboseShowsTheExchange() {
    emulator(EspAtEmulator.builder());
    assertThat(run("request", "--port", port, "--wifi", "home:pw", "-v", "-H", "Authorization: Bearer t0ken", base + "/bytes"))
        .as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(err.toString()).contains("> AT+HTTPCLIENT=", "Authorization: ***").doesNotContain("t0ken");
  }

  @Test
  void wrongWifiPasswordIsADeviceErrorNamingTheNetworkNotThePassword() {
    emulator(EspAtEmulator.builder().accessPoint("espressif", "1234567890"));
    assertThat(run("request", "--port", port, "--wifi", "espressif:wrong-pw", base + "/bytes")).isEqualTo(ExitCodes.DEVICE);
    assertThat(err.toString()).startsWith("esp-at request: cannot join Wi-Fi 'espressif'")
        .doesNotContain("wrong-pw").doesNotContain("Exception");
    assertThat(err.toString().lines().count()).isLessThanOrEqualTo(2);
    assertThat(body.size()).isZero();
  }
}
