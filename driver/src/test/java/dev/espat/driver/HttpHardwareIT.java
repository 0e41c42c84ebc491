package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@link HttpScenarios} of {@code HttpEndToEndIT} on a physical ESP32 (see {@link Board}):
 * the board joins -Desp.wifi and talks to this test's own web server, bound to -Desp.http (an
 * address of this machine on the board's network). Bodies are smaller than on the emulator: at
 * 115200 baud 1 MB takes about 90 s, and the firmware holds an upload in its heap.
 */
@ExtendWith(Board.Present.class)
class HttpHardwareIT {
  private static TestWebServer web;
  private static EspAt esp;
  private static HttpScenarios scenarios;
  private static Board.Network network;

  /**
   * Opens the board and starts the web server before the first test. Per test rather than in
   * {@code @BeforeAll}, so that a missing -Desp.wifi or -Desp.http shows as a skip with its reason
   * on every test instead of an empty class.
   */
  @BeforeEach
  void start() {
    Board.port();
    network = Board.wifi();
    InetSocketAddress bind = Board.http();
    if (esp != null) {
      return;
    }
    web = TestWebServer.start(bind);
    esp = Board.open();
    scenarios = new HttpScenarios(esp, web);
    scenarios.join(network.ssid(), network.password());
    System.out.println("board on " + esp.transport().description() + ", firmware " + esp.firmware().version()
        + ", web server on " + web.uri("/"));
  }

  @AfterAll
  static void stop() {
    if (esp != null) {
      esp.close();
    }
    if (web != null) {
      web.close();
    }
  }

  @Test
  @DisplayName("P-22 P-30: GET of 20 KB, byte-exact")
  void get() {
    scenarios.get(20_000);
  }

  @Test
  @DisplayName("P-20: HEAD, headers from the frames")
  void head() {
    scenarios.head();
  }

  @Test
  @DisplayName("P-20: small JSON POST on the command line")
  void postSmall() {
    scenarios.postSmall();
  }

  @Test
  @DisplayName("P-11 P-23: 16 KB binary POST in data mode, byte-exact at the server")
  void postBinary() {
    assumeTrue(esp.capabilities().has(HttpCommand.HTTPCPOST), "firmware " + esp.firmware().version() + " has no AT+HTTPCPOST");
    scenarios.postBinary(16 * 1024);
  }

  @Test
  @DisplayName("P-23: PUT with a body through AT+HTTPCPUT")
  void put() {
    assumeTrue(esp.capabilities().has(HttpCommand.HTTPCPUT), "firmware " + esp.firmware().version() + " has no AT+HTTPCPUT");
    scenarios.put();
  }

  @Test
  @DisplayName("P-20: DELETE")
  void delete() {
    scenarios.delete();
  }

  @Test
  @DisplayName("P-02 P-24: a 2000-byte URL through AT+HTTPURLCFG")
  void longUrl() {
    assumeTrue(esp.capabilities().has(HttpCommand.HTTPURLCFG), "firmware " + esp.firmware().version() + " has no AT+HTTPURLCFG");
    scenarios.longUrl(2000);
  }

  @Test
  @DisplayName("P-16 P-17: 404 and 500 (HttpStatus.Failed with the body from 4.1)")
  void failedStatus() {
    scenarios.notFound();
    scenarios.serverError();
  }

  @Test
  @DisplayName("P-16: connection refused; the next request works")
  void connectionRefused() {
    scenarios.connectionRefused();
  }

  @Test
  @DisplayName("a server slower than the request timeout: a documented exception within the timeout plus a margin")
  void slowServer() {
    scenarios.slowServer();
  }

  @Test
  @DisplayName("P-43: after leaving the network a request fails as a connection failure; after joining again it works")
  void requestWithoutIp() {
    esp.wifi().leave();
    try {
      scenarios.requestWithoutIp();
    } finally {
      scenarios.join(network.ssid(), network.password());
    }
    scenarios.get(1000);
  }

  @Test
  @DisplayName("P-40: after AT+RST the driver handshakes again; the board rejoins its stored network and a GET works")
  void requestAfterReset() throws InterruptedException {
    esp.reset();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!esp.wifi().status().hasIp() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    if (!esp.wifi().status().hasIp()) {
      scenarios.join(network.ssid(), network.password()); // auto-connect off (AT+CWAUTOCONN=0) on this board
    }
    assertThat(esp.wifi().status().hasIp()).isTrue();
    scenarios.get(5000);
  }
}
