package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.driver.http.ContentType;
import dev.espat.driver.http.HttpConnectionException;
import dev.espat.driver.http.HttpException;
import dev.espat.driver.http.HttpRequest;
import dev.espat.driver.http.HttpResponse;
import dev.espat.driver.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The HTTP and Wi-Fi scenarios that run the same against the emulator (over TCP and a pty,
 * {@code HttpEndToEndIT}) and against a board ({@code HttpHardwareIT}): each sends through
 * {@code esp}, checks what came back and what {@code web} received. Where firmware versions
 * differ (P-27: which command, P-16: whether failures carry the status) the checks follow
 * {@link EspAt#capabilities()}.
 */
record HttpScenarios(EspAt esp, TestWebServer web) {
  /** What a failure may take beyond the timeout that caused it, on a loaded machine or a slow board. */
  static final Duration MARGIN = Duration.ofSeconds(10);

  private HttpResponse<byte[]> send(HttpRequest request) {
    return esp.http().send(request);
  }

  private HttpRequest.Builder to(String pathAndQuery) {
    web.clear();
    return HttpRequest.newBuilder(web.uri(pathAndQuery)).timeout(Duration.ofSeconds(60));
  }

  /** P-22 P-30: a GET without headers, a binary body with CR LF, OK and NUL inside, byte-exact. */
  void get(int size) {
    HttpResponse<byte[]> r = send(to("/bytes/" + size).build());
    assertThat(r.status()).isEqualTo(new HttpStatus.Succeeded());
    assertThat(r.bodyLength()).isEqualTo(size);
    assertThat(r.body()).isEqualTo(TestWebServer.bytes(size));
    assertThat(r.command()).isEqualTo(esp.capabilities().has(HttpCommand.HTTPCGET) ? HttpCommand.HTTPCGET : HttpCommand.HTTPCLIENT);
    TestWebServer.Call seen = web.take();
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.target()).isEqualTo("/bytes/" + size);
  }

  /** P-20: HEAD through AT+HTTPCLIENT opt 1, the response headers read from its frames. */
  void head() {
    HttpResponse<byte[]> r = send(to("/head").HEAD().build());
    assertThat(r.status().succeeded()).isTrue();
    assertThat(r.header("x-thing")).contains("yes");
    assertThat(r.bodyLength()).isZero();
    assertThat(web.take().method()).isEqualTo("HEAD");
  }

  /** P-20: a small JSON POST on the command line (AT+HTTPCLIENT opt 3). */
  void postSmall() {
    String json = "{\"form\":{\"purpose\":\"test, \\\"quoted\\\"\"}}";
    HttpResponse<byte[]> r = send(to("/post").POST(json, ContentType.JSON).build());
    assertThat(r.command()).isEqualTo(HttpCommand.HTTPCLIENT);
    assertThat(r.text()).isEqualTo("ok");
    TestWebServer.Call seen = web.take();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.header("Content-Type")).isEqualTo("application/json");
    assertThat(new String(seen.body(), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  /** P-11 P-23: a binary POST through AT+HTTPCPOST in data mode, byte-exact at the server. */
  void postBinary(int size) {
    byte[] body = TestWebServer.bytes(size);
    HttpResponse<byte[]> r = send(to("/upload").method("POST", body).contentType("application/octet-stream")
        .timeout(Duration.ofMinutes(5)).build());
    assertThat(r.command()).isEqualTo(HttpCommand.HTTPCPOST);
    assertThat(r.text()).isEqualTo("ok");
    TestWebServer.Call seen = web.take();
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(seen.body().length).isEqualTo(size);
    assertThat(seen.body()).isEqualTo(body);
  }

  /** P-23: PUT with a body through AT+HTTPCPUT (3.0+). */
  void put() {
    HttpResponse<byte[]> r = send(to("/put").PUT("<a>1</a>", ContentType.TEXT_XML).build());
    assertThat(r.command()).isEqualTo(HttpCommand.HTTPCPUT);
    TestWebServer.Call seen = web.take();
    assertThat(seen.method()).isEqualTo("PUT");
    assertThat(seen.header("Content-Type")).isEqualTo("text/xml");
    assertThat(new String(seen.body(), StandardCharsets.UTF_8)).isEqualTo("<a>1</a>");
  }

  /** P-20: DELETE through AT+HTTPCLIENT opt 5. */
  void delete() {
    HttpResponse<byte[]> r = send(to("/thing/7").DELETE().build());
    assertThat(r.command()).isEqualTo(HttpCommand.HTTPCLIENT);
    assertThat(r.status().succeeded()).isTrue();
    TestWebServer.Call seen = web.take();
    assertThat(seen.method()).isEqualTo("DELETE");
    assertThat(seen.target()).isEqualTo("/thing/7");
  }

  /** P-02 P-24: a URL of {@code length} bytes goes through AT+HTTPURLCFG. */
  void longUrl(int length) {
    String prefix = "/long?q=";
    String path = prefix + "x".repeat(length - web.uri(prefix).toString().length());
    URI uri = web.uri(path);
    assertThat(uri.toString()).hasSize(length);
    HttpResponse<byte[]> r = send(to(path).build());
    assertThat(r.text()).isEqualTo("ok");
    assertThat(web.take().target()).isEqualTo(path);
  }

  /** P-16 P-17: 404 is Failed(404) with the server's body (4.1+); older firmware cannot tell, and says so. */
  void notFound() {
    HttpRequest request = to("/status/404").build();
    if (!esp.capabilities().statusSpecificErrorCodes()) {
      assertThatThrownBy(() -> send(request)).isExactlyInstanceOf(HttpException.class).hasMessageContaining("4.1");
      return;
    }
    HttpResponse<byte[]> r = send(request);
    assertThat(r.status()).isEqualTo(new HttpStatus.Failed(404));
    assertThat(r.text()).isEqualTo("status 404");
  }

  /** P-16 P-17: 500 to a POST is Failed(500) with the server's body (4.1+). */
  void serverError() {
    HttpRequest request = to("/status/500").POST("x=1", ContentType.FORM_URLENCODED).build();
    if (!esp.capabilities().statusSpecificErrorCodes()) {
      assertThatThrownBy(() -> send(request)).isExactlyInstanceOf(HttpException.class);
      return;
    }
    HttpResponse<byte[]> r = send(request);
    assertThat(r.status()).isEqualTo(new HttpStatus.Failed(500));
    assertThat(r.status().succeeded()).isFalse();
    assertThat(r.text()).isEqualTo("status 500");
    assertThat(web.take().method()).isEqualTo("POST");
  }

  /** P-16: a port nobody listens on, on the web server's host: HttpConnectionException (0x010a7000); the next GET works. */
  void connectionRefused() {
    URI nowhere = URI.create("http://" + web.address().getAddress().getHostAddress() + ":" + closedPort(web.address()) + "/");
    HttpRequest request = HttpRequest.newBuilder(nowhere).timeout(Duration.ofSeconds(30)).build();
    if (esp.capabilities().statusSpecificErrorCodes()) {
      assertThatThrownBy(() -> send(request)).isInstanceOf(HttpConnectionException.class).hasMessageContaining("0x010a7000");
    } else {
      assertThatThrownBy(() -> send(request)).isInstanceOf(HttpException.class);
    }
    get(100);
  }

  /**
   * A server that answers after the request's timeout: the device's network timeout (a connection
   * failure, P-16) or the driver's command timeout, whichever comes first; both are documented.
   * Either way within the timeout plus a margin, and the next request succeeds.
   */
  void slowServer() {
    Duration timeout = Duration.ofSeconds(2);
    HttpRequest request = to("/late/6000").timeout(timeout).build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> send(request)).isInstanceOfAny(HttpConnectionException.class, HttpException.class,
        CommandTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plus(MARGIN));
    // The driver gives the device's network timeout the same length as its own wait, so it usually
    // gives up a few ms before the device answers ERROR. Let that late answer arrive while no
    // command is in flight: one that arrives during the next resynchronisation shifts answers by
    // one (HttpFaultsIT#staleAnswerStillFlowing).
    sleep(Duration.ofSeconds(1));
    get(1000);
  }

  /** P-42: a wrong password for the network is WrongPassword (+CWJAP:2), the password masked. */
  static void wrongPassword(EspAt esp, String ssid) {
    String wrong = "not-" + UUID.randomUUID();
    assertThatThrownBy(() -> esp.wifi().join(ssid, wrong))
        .isInstanceOfSatisfying(WifiJoinException.WrongPassword.class, e -> assertThat(e.reasonCode()).isEqualTo(2))
        .message().doesNotContain(wrong);
  }

  /** P-42: an SSID nobody broadcasts is AccessPointNotFound (+CWJAP:3). */
  static void unknownSsid(EspAt esp) {
    assertThatThrownBy(() -> esp.wifi().join("no-such-network-" + UUID.randomUUID().toString().substring(0, 8), "1234567890"))
        .isInstanceOfSatisfying(WifiJoinException.AccessPointNotFound.class, e -> assertThat(e.reasonCode()).isEqualTo(3));
  }

  /** P-43: without an IP a request fails as a connection failure, before anything reaches the server. */
  void requestWithoutIp() {
    assertThat(esp.wifi().status().hasIp()).as("no IP yet").isFalse();
    HttpRequest request = to("/bytes/10").timeout(Duration.ofSeconds(30)).build();
    if (esp.capabilities().statusSpecificErrorCodes()) {
      assertThatThrownBy(() -> send(request)).isInstanceOf(HttpConnectionException.class).hasMessageContaining("no IP");
    } else {
      assertThatThrownBy(() -> send(request)).isInstanceOf(HttpException.class);
    }
  }

  /** P-42: a join that works; the station has an IP afterwards. */
  void join(String ssid, String password) {
    esp.wifi().join(ssid, password, Duration.ofSeconds(30));
    assertThat(esp.wifi().status().hasIp()).isTrue();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A port on the address's host that nobody listens on (bound, then closed). */
  static int closedPort(InetSocketAddress host) {
    try (ServerSocket s = new ServerSocket(0, 1, host.getAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
