package dev.espat.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.espat.emulator.http.RecordedRequest;
import dev.espat.emulator.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The requests the firmware puts on the wire, as a real server receives them (P-20, P-23, P-25). */
class HttpRequestIT {
  /** A real HTTP server per class, reset before each test (the extension's default). */
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @BeforeEach
  void stub() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private static LoggedRequest only() {
    List<LoggedRequest> all = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(all).hasSize(1);
    return all.getFirst();
  }

  @ParameterizedTest(name = "opt {0}, content-type {1}")
  @CsvSource({
      "1, 0, HEAD, application/x-www-form-urlencoded, -1",
      "2, 1, GET, application/json, -1",
      "3, 3, POST, text/xml, 4",
      "4, 2, PUT, multipart/form-data, 0",
      "5, 0, DELETE, application/x-www-form-urlencoded, 0"})
  @DisplayName("P-20: method from opt, Content-Type from content-type, a body only for POST, PUT and DELETE with Content-Length: 0")
  void methods(int opt, int contentType, String method, String type, int contentLength) {
    String data = opt == 3 ? ",\"data\"" : "";
    try (EmulatorSession s = HttpSessions.joined()) {
      s.exchange("AT+HTTPCLIENT=" + opt + "," + contentType + ",\"" + url("/m?q=1") + "\",,,1" + data + "\r\n");
      RecordedRequest r = s.emulator().device().takeRequest(Duration.ofSeconds(5)).orElseThrow();
      assertThat(r.method()).isEqualTo(method);
      assertThat(r.url()).isEqualTo(url("/m?q=1"));
      assertThat(r.headers()).startsWith(Map.entry("User-Agent", "ESP32 HTTP Client/1.0"),
          Map.entry("Host", "127.0.0.1:" + server.getPort()), Map.entry("Content-Type", type));
      assertThat(r.header("Content-Length")).isEqualTo(contentLength < 0 ? Optional.empty() : Optional.of("" + contentLength));
    }
    // The server saw the same (WireMock cannot log a multipart request without parts, so not that one).
    if (contentType != 2) {
      LoggedRequest r = only();
      assertThat(r.getMethod().getName()).isEqualTo(method);
      assertThat(r.getUrl()).isEqualTo("/m?q=1");
      assertThat(r.getHeader("User-Agent")).isEqualTo("ESP32 HTTP Client/1.0");
      assertThat(r.getHeader("Content-Type")).isEqualTo(type);
      assertThat(r.getBodyAsString()).isEqualTo(opt == 3 ? "data" : "");
    }
  }

  @Test
  @DisplayName("P-20 P-25: extra fields are headers; a key stored with AT+HTTPCHEAD overrides the command's")
  void headers() {
    try (EmulatorSession s = HttpSessions.joined()) {
      s.exchange("AT+HTTPCHEAD=11\r\n");
      s.send("X-Mode: hub");
      s.readResponse();
      assertThat(s.exchange("AT+HTTPCLIENT=2,0,\"" + url("/h") + "\",,,1,\"X-Mode: cmd\",\"X-Other: 2\"\r\n")).endsWith("OK\\r\\n");
    }
    LoggedRequest r = only();
    assertThat(r.getHeaders().getHeader("X-Mode").values()).containsExactly("hub");
    assertThat(r.getHeader("X-Other")).isEqualTo("2");
  }

  @Test
  @DisplayName("P-20: host and path with transport_type 1 build an http URL; resolve() keeps the Host header")
  void hostAndPathWithResolve() {
    try (EmulatorSession s = HttpSessions.joined(EspAtEmulator.builder().resolve("example.com", 80, "127.0.0.1", server.getPort()))) {
      assertThat(s.exchange("AT+HTTPCLIENT=2,0,\"\",\"example.com\",\"/via/host\",1\r\n")).isEqualTo("+HTTPCLIENT:2,ok\\r\\n\\r\\nOK\\r\\n");
    }
    assertThat(only().getUrl()).isEqualTo("/via/host");
    assertThat(only().getHeader("Host")).isEqualTo("example.com");
  }

  @Test
  @DisplayName("P-23: HTTPCPUT sends the data-mode body with the form Content-Type by default; takeRequest sees it")
  void putAndTakeRequest() {
    try (EmulatorSession s = HttpSessions.joined()) {
      assertThat(s.exchange("AT+HTTPCPUT=\"" + url("/put") + "\",5,1,\"X-A: 1\"\r\n")).endsWith(">");
      s.send("hello");
      assertThat(s.readResponse()).isEqualTo("+HTTPCPUT:2,ok\\r\\n\\r\\nSEND OK\\r\\n");
      RecordedRequest taken = s.emulator().device().takeRequest(Duration.ofSeconds(5)).orElseThrow();
      assertThat(taken.method()).isEqualTo("PUT");
      assertThat(taken.url()).isEqualTo(url("/put"));
      assertThat(taken.bodySize()).isEqualTo(5);
      assertThat(taken.header("content-type")).contains("application/x-www-form-urlencoded");
      assertThat(taken.header("X-A")).contains("1");
      assertThat(s.emulator().device().takeRequest(Duration.ofMillis(50))).isEmpty();
    }
    assertThat(only().getBodyAsString()).isEqualTo("hello");
  }

  @Test
  @DisplayName("P-21: HTTPGETSIZE sends a GET and answers the Content-Length, 0 for a chunked body")
  void getSize() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Length", "12345").withBody(new byte[12345])));
    try (EmulatorSession s = HttpSessions.joined()) {
      assertThat(s.exchange("AT+HTTPGETSIZE=\"" + url("/size") + "\"\r\n")).isEqualTo("+HTTPGETSIZE:12345\\r\\n\\r\\nOK\\r\\n");
      assertThat(only().getMethod().getName()).isEqualTo("GET");
      // WireMock sends a body without a Content-Length header chunked.
      server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("chunked")));
      assertThat(s.exchange("AT+HTTPGETSIZE=\"" + url("/size") + "\"\r\n")).isEqualTo("+HTTPGETSIZE:0\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("trace: each exchange is a NOTE with method, URL, headers and outcome; Authorization is masked")
  void traceNote() {
    try (EmulatorSession s = HttpSessions.joined()) {
      s.exchange("AT+HTTPCLIENT=2,0,\"" + url("/t") + "\",,,1,\"Authorization: Basic c2VjcmV0\"\r\n");
      List<String> notes = s.emulator().trace().events().stream()
          .filter(e -> e.direction() == TraceEvent.Direction.NOTE && e.text().startsWith("HTTP GET")).map(TraceEvent::text).toList();
      assertThat(notes).singleElement().satisfies(n -> assertThat(n)
          .contains(url("/t"), "\"User-Agent: ESP32 HTTP Client/1.0\"", "Authorization: ***", "status 200, 2 body bytes", " ms")
          .doesNotContain("c2VjcmV0"));
    }
  }
}
