package dev.espat.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.espat.grammar.Bytes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin API over real HTTP (the JDK's client) against an emulator whose device has a real TCP
 * host: every endpoint, every fault type injected as JSON with its effect seen by the host, the
 * token, and bad requests answered with a status and a message naming what was wrong.
 */
class AdminApiIT {
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private static final Duration PATIENCE = RawHost.PATIENCE;

  private static EmulatorSession session(EspAtEmulator.Builder builder) {
    return EmulatorSession.overTcp(builder.admin("127.0.0.1", 0));
  }

  private static EmulatorSession session() {
    return session(EspAtEmulator.builder());
  }

  private static URI admin(EmulatorSession s) {
    return s.emulator().adminUrl().orElseThrow();
  }

  private static HttpResponse<String> call(URI base, String method, String path, String body, String token) {
    HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).timeout(PATIENCE)
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    try {
      return CLIENT.send(r.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A request written by hand on a socket, for what an HTTP client would refuse to send; the whole answer. */
  private static String rawRequest(URI base, String request) {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) PATIENCE.toMillis());
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> call(EmulatorSession s, String method, String path, String body) {
    return call(admin(s), method, path, body, null);
  }

  private static JsonNode json(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** POSTs a fault to device 0 and checks the 201. */
  private static JsonNode inject(EmulatorSession s, String fault) {
    HttpResponse<String> r = call(s, "POST", "api/devices/0/faults", fault);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r);
  }

  private static void assertError(HttpResponse<String> r, int status, String messagePart) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(json(r).get("error").asText()).contains(messagePart);
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private static void join(EmulatorSession s) {
    assertThat(s.exchange("AT+CWJAP=\"home\",\"s3cr3t-pw\"\r\n")).endsWith("OK\\r\\n");
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Test
  @DisplayName("GET /api/health answers {\"status\":\"ok\"}")
  void health() {
    try (EmulatorSession s = session()) {
      HttpResponse<String> r = call(s, "GET", "api/health", null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(json(r).toString()).isEqualTo("{\"status\":\"ok\"}");
    }
  }

  @Test
  @DisplayName("GET /api/devices lists every device with its firmware, ports, state and faults; one by index or name")
  void listsDevices() {
    try (EmulatorSession s = session(EspAtEmulator.builder().devices(2).firmware("3.1"))) {
      join(s);
      JsonNode list = json(call(s, "GET", "api/devices", null));
      assertThat(list).hasSize(2);
      JsonNode first = list.get(0);
      String port = s.emulator().device().tcpAddress().orElseThrow().getPort() + "";
      assertThat(first.toString()).isEqualTo("{\"index\":0,\"name\":\"dev0\",\"firmware\":\"3.1\","
          + "\"ports\":[{\"kind\":\"tcp\",\"address\":\"127.0.0.1:" + port + "\"}],\"booting\":false,\"busy\":false,"
          + "\"wifi\":{\"mode\":1,\"state\":\"got-ip\",\"ssid\":\"home\",\"ip\":\"192.168.1.100\"},\"faults\":[]}");
      assertThat(list.get(1).get("wifi").get("state").asText()).isEqualTo("not-started");
      assertThat(json(call(s, "GET", "api/devices/1", null)).get("name").asText()).isEqualTo("dev1");
      assertThat(json(call(s, "GET", "api/devices/dev1/", null)).get("index").asInt()).isEqualTo(1);
      assertError(call(s, "GET", "api/devices/7", null), 404, "no device '7'; this emulator has devices 0..1");
      assertError(call(s, "GET", "api/devices/x/faults", null), 404, "no device 'x'");
    }
  }

  @Test
  @DisplayName("busy over JSON: 201 with the id; the count goes down as lines are answered busy; DELETE by id")
  void busy() {
    try (EmulatorSession s = session()) {
      JsonNode f = inject(s, "{\"type\":\"busy\",\"commands\":2}");
      assertThat(f.toString()).isEqualTo("{\"id\":1,\"type\":\"busy\",\"lifetime\":\"one-shot\",\"commands\":2}");
      s.send("AT\r\n");
      assertThat(s.readUntilEnd("busy p...\\r\\n", PATIENCE)).isEqualTo("\\r\\nbusy p...\\r\\n");
      assertThat(json(call(s, "GET", "api/devices/0/faults", null)).get(0).get("commands").asInt()).isEqualTo(1);
      assertThat(json(call(s, "GET", "api/devices/0", null)).get("faults")).hasSize(1);
      assertThat(json(call(s, "DELETE", "api/devices/0/faults/1", null)).toString()).isEqualTo("{\"removed\":1}");
      assertError(call(s, "DELETE", "api/devices/0/faults/1", null), 404, "device 0 has no armed fault 1");
      assertError(call(s, "DELETE", "api/devices/0/faults/one", null), 404, "no fault 'one'");
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("port-latency and stall-output over JSON: the host waits; DELETE /faults clears them all")
  void latencyAndStall() {
    try (EmulatorSession s = session()) {
      inject(s, "{\"type\":\"port-latency\",\"millis\":700}");
      long start = System.nanoTime();
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(millisSince(start)).isGreaterThanOrEqualTo(650);
      inject(s, "{\"type\":\"stall-output\",\"millis\":1000}");
      assertThat(json(call(s, "DELETE", "api/devices/0/faults", null)).toString()).isEqualTo("{\"cleared\":2}");
      assertThat(json(call(s, "GET", "api/devices/0/faults", null))).isEmpty();
      inject(s, "{\"type\":\"stall-output\",\"millis\":1000}");
      s.send("AT\r\n");
      assertThat(s.drainFor(Duration.ofMillis(500))).isEmpty();
      assertThat(s.readResponse()).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("the HTTP faults over JSON: http-latency, dns-failure, drop-connection, truncate-body, send-fail")
  void httpFaults() {
    server.stubFor(get("/hello").willReturn(aResponse().withBody("hello world")));
    server.stubFor(post("/post").willReturn(aResponse().withBody("ok")));
    try (EmulatorSession s = session(EspAtEmulator.builder().resolve("device.example", 80, "127.0.0.1", server.getPort()))) {
      join(s);
      s.exchange("AT+SYSLOG=1\r\n");
      String hello = "AT+HTTPCGET=\"http://device.example/hello\"\r\n";

      JsonNode latency = inject(s, "{\"type\":\"http-latency\",\"millis\":600}");
      long start = System.nanoTime();
      assertThat(s.exchange(hello)).isEqualTo("+HTTPCGET:11,hello world\\r\\n\\r\\nOK\\r\\n");
      assertThat(millisSince(start)).isGreaterThanOrEqualTo(550);
      call(s, "DELETE", "api/devices/0/faults/" + latency.get("id").asLong(), null);

      JsonNode dns = inject(s, "{\"type\":\"dns-failure\",\"host\":\"device.example\"}");
      assertThat(s.exchange(hello)).isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      call(s, "DELETE", "api/devices/0/faults/" + dns.get("id").asLong(), null);

      inject(s, "{\"type\":\"drop-connection\",\"afterBytes\":5}");
      assertThat(s.exchange(hello)).isEqualTo("+HTTPCGET:5,hello\\r\\nERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");

      inject(s, "{\"type\":\"truncate-body\",\"bytes\":3}");
      assertThat(s.exchange(hello)).isEqualTo("+HTTPCGET:3,hel\\r\\nERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");

      inject(s, "{\"type\":\"send-fail\"}");
      assertThat(s.exchange("AT+HTTPCPOST=\"" + url("/post") + "\",3\r\n")).endsWith(">");
      s.send("a=b");
      assertThat(s.readResponse()).isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nSEND FAIL\\r\\n");
      assertThat(json(call(s, "GET", "api/devices/0/faults", null))).as("all used or removed").isEmpty();
      assertThat(s.exchange(hello)).isEqualTo("+HTTPCGET:11,hello world\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("garbage over JSON, as base64 or as text: the host receives exactly those bytes")
  void garbage() {
    try (EmulatorSession s = session()) {
      JsonNode f = inject(s, "{\"type\":\"garbage\",\"base64\":\"AP8NCg==\"}");
      assertThat(f.get("lifetime").asText()).isEqualTo("immediate");
      assertThat(s.host().readExactly(4, PATIENCE)).containsExactly(0, 0xff, '\r', '\n');
      inject(s, "{\"type\":\"garbage\",\"text\":\"+QIND\\r\\n\"}");
      assertThat(Bytes.show(s.host().readExactly(7, PATIENCE))).isEqualTo("+QIND\\r\\n");
    }
  }

  @Test
  @DisplayName("reset as a fault and as POST /reset (202): the host sees ready, echo back on")
  void reset() {
    try (EmulatorSession s = session()) {
      inject(s, "{\"type\":\"reset\"}");
      assertThat(s.readUntilEnd("ready\\r\\n", PATIENCE)).isEqualTo("\\r\\nready\\r\\n");
      HttpResponse<String> r = call(s, "POST", "api/devices/0/reset", null);
      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(json(r).toString()).isEqualTo("{\"status\":\"resetting\"}");
      assertThat(s.readUntilEnd("ready\\r\\n", PATIENCE)).isEqualTo("\\r\\nready\\r\\n");
      assertThat(s.exchange("AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
      assertError(call(s, "GET", "api/devices/0/reset", null), 405, "GET is not allowed here; allowed: POST");
    }
  }

  @Test
  @DisplayName("wifi-disconnect over JSON: WIFI DISCONNECT, and the device's wifi shows it")
  void wifiDisconnect() {
    try (EmulatorSession s = session()) {
      assertThat(s.exchange("AT+CWJAP=\"home\",\"pw\",,,0\r\n")).endsWith("OK\\r\\n");
      inject(s, "{\"type\":\"wifi-disconnect\"}");
      assertThat(s.readUntilEnd("WIFI DISCONNECT\\r\\n", PATIENCE)).isEqualTo("WIFI DISCONNECT\\r\\n");
      assertThat(json(call(s, "GET", "api/devices/0", null)).get("wifi").toString())
          .isEqualTo("{\"mode\":1,\"state\":\"disconnected\",\"ssid\":\"home\",\"ip\":\"0.0.0.0\"}");
    }
  }

  @Test
  @DisplayName("GET /trace: this device's lines as text, passwords masked; ?limit= keeps the last N; a bad limit is a 400")
  void trace() {
    try (EmulatorSession s = session(EspAtEmulator.builder().devices(2))) {
      join(s);
      HttpResponse<String> r = call(s, "GET", "api/devices/0/trace", null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
      assertThat(r.body()).contains(" dev0 > AT+CWJAP=\"home\",\"***\"\\r\\n\n").doesNotContain("s3cr3t-pw")
          .doesNotContain(" dev1 ");
      String[] lines = r.body().split("\n");
      assertThat(r.headers().firstValue("X-Trace-Lines")).hasValue(Integer.toString(lines.length));
      HttpResponse<String> last = call(s, "GET", "api/devices/0/trace?limit=2", null);
      assertThat(last.body().split("\n")).containsExactly(lines[lines.length - 2], lines[lines.length - 1]);
      assertThat(last.headers().firstValue("X-Trace-Omitted")).hasValue(Integer.toString(lines.length - 2));
      assertError(call(s, "GET", "api/devices/0/trace?limit=abc", null), 400, "query parameter 'limit' must be 1..10000, got 'abc'");
    }
  }

  @Test
  @DisplayName("GET /requests: the requests sent, URL passwords and Authorization values masked")
  void requests() {
    server.stubFor(get("/hello").willReturn(aResponse().withBody("hi")));
    try (EmulatorSession s = session()) {
      join(s);
      String target = "http://bob:hunter2@127.0.0.1:" + server.getPort() + "/hello";
      assertThat(s.exchange("AT+HTTPCLIENT=2,0,\"" + target + "\",,,1,\"Authorization: Basic Ym9iOmh1bnRlcjI=\"\r\n"))
          .endsWith("OK\\r\\n");
      HttpResponse<String> r = call(s, "GET", "api/devices/0/requests", null);
      JsonNode sent = json(r).get(0);
      assertThat(sent.get("method").asText()).isEqualTo("GET");
      assertThat(sent.get("url").asText()).isEqualTo("http://bob:***@127.0.0.1:" + server.getPort() + "/hello");
      assertThat(sent.get("headers").findValuesAsText("name")).contains("Host", "Authorization");
      assertThat(sent.get("bodySize").asLong()).isZero();
      assertThat(r.body()).contains("{\"name\":\"Authorization\",\"value\":\"***\"}")
          .doesNotContain("hunter2").doesNotContain("Ym9i");
    }
  }

  @Test
  @DisplayName("with a token: 401 (JSON, WWW-Authenticate) without it or with a wrong one, 200 with it; /api/health is open")
  void token() {
    try (EmulatorSession s = session(EspAtEmulator.builder().adminToken("s3cret"))) {
      URI base = admin(s);
      HttpResponse<String> none = call(base, "GET", "api/devices", null, null);
      assertError(none, 401, "needs the header 'Authorization: Bearer <token>'");
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"esp-at admin\"");
      HttpResponse<String> wrong = call(base, "POST", "api/devices/0/faults", "{\"type\":\"reset\"}", "s3cre7");
      assertError(wrong, 401, "the bearer token is wrong");
      assertThat(wrong.body()).doesNotContain("s3cre");
      assertThat(call(base, "GET", "api/devices", null, "s3cret").statusCode()).isEqualTo(200);
      assertThat(call(base, "GET", "api/health", null, null).statusCode()).isEqualTo(200);
      assertThat(s.drainFor(Duration.ofMillis(200))).as("the refused reset did nothing").isEmpty();
    }
  }

  @Test
  @DisplayName("an address that is not loopback is refused without a token, naming it; with a token it serves")
  void nonLoopbackNeedsAToken() {
    assertThatThrownBy(() -> EspAtEmulator.builder().admin("0.0.0.0", 0).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.0.0.0:0, which is not a loopback address")
        .hasMessageContaining("--admin-token");
    assertThatThrownBy(() -> EspAtEmulator.builder().adminToken("has space"))
        .hasMessageContaining("visible ASCII").hasMessageNotContaining("has space");
    try (EspAtEmulator esp = EspAtEmulator.builder().admin("0.0.0.0", 0).adminToken("s3cret").start()) {
      URI url = esp.adminUrl().orElseThrow();
      assertThat(url.getHost()).isEqualTo("0.0.0.0");
      URI loopback = URI.create("http://127.0.0.1:" + url.getPort() + "/");
      assertThat(call(loopback, "GET", "api/devices", null, "s3cret").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("bad requests: bad JSON, empty or unknown fault, unknown endpoint, wrong method, oversized body")
  void badRequests() {
    try (EmulatorSession s = session()) {
      assertError(call(s, "POST", "api/devices/0/faults", "{\"type\":"), 400, "the body is not JSON at line 1");
      assertError(call(s, "POST", "api/devices/0/faults", ""), 400, "the body is empty");
      assertError(call(s, "POST", "api/devices/0/faults", "{\"type\":\"explode\"}"), 400, "unknown fault type 'explode'");
      assertError(call(s, "POST", "api/devices/0/faults", "{\"type\":\"busy\",\"commands\":0}"), 400,
          "field 'commands' of fault 'busy' must be 1..10000, got 0");
      assertError(call(s, "POST", "api/devices/3/faults", "{\"type\":\"reset\"}"), 404, "no device '3'");
      assertError(call(s, "GET", "api/nothing", null), 404, "no endpoint GET /api/nothing");
      assertError(call(s, "GET", "", null), 404, "no endpoint GET /");
      HttpResponse<String> put = call(s, "PUT", "api/devices/0/faults", "{}");
      assertError(put, 405, "PUT is not allowed here; allowed: GET, POST, DELETE");
      assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
      assertError(call(s, "POST", "api/devices/0/faults", "x".repeat(70_000)), 413, "the request body is over 65536 bytes");
      assertThat(rawRequest(admin(s), "GET /api/" + "x".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
          .startsWith("HTTP/1.1 400 Bad Request").contains("{\"error\":\"malformed HTTP request: ");
      assertThat(call(s, "GET", "api/health", null).statusCode()).as("still serving").isEqualTo(200);
      assertThat(json(call(s, "GET", "api/devices/0/faults", null))).as("nothing was injected").isEmpty();
    }
  }
}
