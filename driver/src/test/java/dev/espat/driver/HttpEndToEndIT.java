package dev.espat.driver;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.espat.emulator.EspAtEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HTTP client end to end over the real transports: the emulator's TCP port ({@code socket://})
 * and a real pty opened by jSerialComm (the serial transport), with the JDK's web server behind
 * the emulator. {@code HttpClientIT} checks which command each request takes, mostly in memory;
 * this runs the same {@link HttpScenarios} a board runs ({@code HttpHardwareIT}) over the bytes a
 * real port carries. Unpaced, so that 1 MB crosses the pty in seconds; pty tests are skipped, with
 * the reason shown, where ptys do not exist.
 */
class HttpEndToEndIT {
  private static final String AP = "espressif";
  private static final String PASSWORD = "1234567890";

  /** No scenario takes this long unless something hangs. */
  private static final Duration NEVER_HANGS = Duration.ofMinutes(3);

  private static TestWebServer web;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() {
    web = TestWebServer.start();
  }

  @AfterAll
  static void stopServer() {
    web.close();
  }

  /** A device on {@code kind}'s port, not joined to any network yet. */
  private void withDevice(PortKind kind, Consumer<HttpScenarios> test) {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      EspAtEmulator.Builder b = EspAtEmulator.builder().unpaced().accessPoint(AP, PASSWORD);
      try (EspAtEmulator emu = kind.configure(b, dir).start(); EspAt esp = kind.builder(emu).open()) {
        test.accept(new HttpScenarios(esp, web));
      }
    });
  }

  /** A device on {@code kind}'s port that has joined the network (HTTP needs an IP, P-43). */
  private void withJoinedDevice(PortKind kind, Consumer<HttpScenarios> test) {
    withDevice(kind, s -> {
      s.join(AP, PASSWORD);
      test.accept(s);
    });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-22 P-30: GET of 100 KB, byte-exact")
  void get(PortKind kind) {
    withJoinedDevice(kind, s -> s.get(100_000));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-20: HEAD, headers from the frames")
  void head(PortKind kind) {
    withJoinedDevice(kind, HttpScenarios::head);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-20: small JSON POST on the command line")
  void postSmall(PortKind kind) {
    withJoinedDevice(kind, HttpScenarios::postSmall);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-11 P-23: 1 MB binary POST in data mode, byte-exact at the server")
  void postOneMegabyte(PortKind kind) {
    withJoinedDevice(kind, s -> s.postBinary(1 << 20));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-23: PUT with a body through AT+HTTPCPUT")
  void put(PortKind kind) {
    withJoinedDevice(kind, HttpScenarios::put);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-20: DELETE")
  void delete(PortKind kind) {
    withJoinedDevice(kind, HttpScenarios::delete);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-02 P-24: a 2000-byte URL through AT+HTTPURLCFG")
  void longUrl(PortKind kind) {
    withJoinedDevice(kind, s -> s.longUrl(2000));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-16 P-17: 404 and 500 are HttpStatus.Failed with the server's body")
  void failedStatus(PortKind kind) {
    withJoinedDevice(kind, s -> {
      s.notFound();
      s.serverError();
    });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-16: connection refused is HttpConnectionException; the next request works")
  void connectionRefused(PortKind kind) {
    withJoinedDevice(kind, HttpScenarios::connectionRefused);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("a server slower than the request timeout: a documented exception within the timeout plus a margin; the next request works")
  void slowServer(PortKind kind) {
    withJoinedDevice(kind, HttpScenarios::slowServer);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-42 P-43: wrong password, unknown SSID, a request before joining; then the join and a GET work")
  void wifiFailures(PortKind kind) {
    withDevice(kind, s -> {
      s.requestWithoutIp();
      HttpScenarios.wrongPassword(s.esp(), AP);
      HttpScenarios.unknownSsid(s.esp());
      s.requestWithoutIp();
      s.join(AP, PASSWORD);
      s.get(5000);
    });
  }
}
