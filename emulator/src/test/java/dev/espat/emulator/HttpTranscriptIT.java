package dev.espat.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.espat.grammar.Bytes;
import dev.espat.grammar.response.ResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Golden transcripts 6-14 of the spec (§8) against a real HTTP server. */
class HttpTranscriptIT {
  private static final byte[] RANDOM_5000 = new byte[5000];

  static {
    new Random(7).nextBytes(RANDOM_5000);
  }

  /** A real HTTP server per class, reset before each test (the extension's default). */
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  @Test
  @DisplayName("transcript 6 (P-09, P-20): opt 9 is a parse error on parameter 1")
  void t6() {
    try (EmulatorSession s = HttpSessions.joined()) {
      s.exchange("AT+SYSLOG=1\r\n");
      assertThat(s.exchange("AT+HTTPCLIENT=9,0,\"http://h/\",,,1\r\n")).isEqualTo("ERR CODE:0x01080001\\r\\n\\r\\nERROR\\r\\n");
      assertThat(server.getAllServeEvents()).isEmpty();
    }
  }

  @Test
  @DisplayName("transcript 7 (P-20, P-30): HEAD prints each response header as its own frame, in order, then OK")
  void t7() {
    server.stubFor(head(urlEqualTo("/get")).willReturn(aResponse().withStatus(200)
        .withHeader("X-First", "1").withHeader("Content-Type", "text/plain").withHeader("X-Last", "a, b")));
    try (EmulatorSession s = HttpSessions.joined()) {
      byte[] out = s.host().exchange("AT+HTTPCLIENT=1,0,\"" + url("/get") + "\",,,1\r\n");
      List<ResponseEvent> events = HttpSessions.events(out);
      List<String> headers = events.stream().filter(ResponseEvent.BodyFrame.class::isInstance)
          .map(e -> new String(((ResponseEvent.BodyFrame) e).data(), StandardCharsets.UTF_8)).toList();
      assertThat(headers).containsSubsequence("X-First: 1", "Content-Type: text/plain", "X-Last: a, b");
      assertThat(headers).allMatch(h -> h.matches("[^:]+: .*"));
      assertThat(Bytes.show(out)).startsWith("+HTTPCLIENT:").endsWith("\\r\\n\\r\\nOK\\r\\n");
      String shown = Bytes.show(out);
      assertThat(shown).contains("+HTTPCLIENT:10,X-First: 1\\r\\n+HTTPCLIENT:24,Content-Type: text/plain\\r\\n");
    }
  }

  @Test
  @DisplayName("transcript 8 (P-22, P-30, P-31): 5000 random bytes come as frames of at most 2048, then OK")
  void t8() {
    server.stubFor(get("/bytes/5000").willReturn(aResponse().withBody(RANDOM_5000)));
    try (EmulatorSession s = HttpSessions.joined()) {
      byte[] out = s.host().exchange("AT+HTTPCGET=\"" + url("/bytes/5000") + "\",2048,2048,5000\r\n");
      List<ResponseEvent> events = HttpSessions.events(out);
      assertThat(HttpSessions.body(events, "HTTPCGET")).isEqualTo(RANDOM_5000);
      assertThat(HttpSessions.frameSizes(events)).allMatch(n -> n > 0 && n <= 2048);
      assertThat(Bytes.show(out)).endsWith("\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-31: a smaller rx size gives smaller frames")
  void rxSize() {
    server.stubFor(get("/bytes/5000").willReturn(aResponse().withBody(RANDOM_5000)));
    try (EmulatorSession s = HttpSessions.joined()) {
      List<ResponseEvent> events = HttpSessions.events(s.host().exchange("AT+HTTPCGET=\"" + url("/bytes/5000") + "\",,100\r\n"));
      assertThat(HttpSessions.body(events, "HTTPCGET")).isEqualTo(RANDOM_5000);
      assertThat(HttpSessions.frameSizes(events)).allMatch(n -> n <= 100).hasSizeGreaterThanOrEqualTo(50);
    }
  }

  @Test
  @DisplayName("transcript 9 (P-11, P-12, P-23): POST with a prompt, the given Content-Type replaces the default, SEND OK")
  void t9() {
    server.stubFor(post("/post").willReturn(aResponse().withBody("{\"ok\":true}")));
    try (EmulatorSession s = HttpSessions.joined()) {
      assertThat(s.exchange("AT+HTTPCPOST=\"" + url("/post") + "\",27,1,\"content-type: application/json\"\r\n"))
          .isEqualTo("\\r\\nOK\\r\\n\\r\\n>");
      s.send("{\"form\":{\"purpose\":\"test\"}}");
      assertThat(s.readResponse()).isEqualTo("+HTTPCPOST:11,{\"ok\":true}\\r\\n\\r\\nSEND OK\\r\\n");
    }
    server.verify(postRequestedFor(urlEqualTo("/post"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("User-Agent", equalTo("ESP32 HTTP Client/1.0"))
        .withHeader("Content-Length", equalTo("27"))
        .withRequestBody(equalTo("{\"form\":{\"purpose\":\"test\"}}")));
    assertThat(server.getAllServeEvents().getFirst().getRequest().getHeaders().getHeader("Content-Type").values())
        .containsExactly("application/json");
  }

  @Test
  @DisplayName("transcript 10 (P-16, P-17): a 404 with SYSLOG answers ERR CODE:0x010a7194 then ERROR")
  void t10() {
    server.stubFor(get("/status/404").willReturn(aResponse().withStatus(404)));
    try (EmulatorSession s = HttpSessions.joined()) {
      s.exchange("AT+SYSLOG=1\r\n");
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/status/404") + "\"\r\n")).isEqualTo("ERR CODE:0x010a7194\\r\\n\\r\\nERROR\\r\\n");
    }
  }

  @Test
  @DisplayName("transcript 11 (P-16): connection refused answers ERR CODE:0x010a7000 then ERROR")
  void t11() {
    try (EmulatorSession s = HttpSessions.joined()) {
      s.exchange("AT+SYSLOG=1\r\n");
      assertThat(s.exchange("AT+HTTPCGET=\"http://127.0.0.1:" + HttpSessions.closedPort() + "/\"\r\n"))
          .isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(s.exchange("AT\r\n")).as("the device stays usable").isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("transcript 12 (P-22, P-24): the AT+HTTPURLCFG URL is fetched by AT+HTTPCGET=\"\" and listed")
  void t12() {
    server.stubFor(get("/stored?x=1").willReturn(aResponse().withBody("stored!")));
    String stored = url("/stored?x=1");
    try (EmulatorSession s = HttpSessions.joined()) {
      assertThat(s.exchange("AT+HTTPURLCFG=" + stored.length() + "\r\n")).isEqualTo("\\r\\nOK\\r\\n\\r\\n>");
      s.send(stored);
      assertThat(s.readResponse()).isEqualTo("\\r\\nSET OK\\r\\n");
      assertThat(s.exchange("AT+HTTPCGET=\"\"\r\n")).isEqualTo("+HTTPCGET:7,stored!\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+HTTPURLCFG?\r\n")).isEqualTo("+HTTPURLCFG:" + stored.length() + "," + stored + "\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("transcript 13 (P-25): a stored Range header goes with AT+HTTPCGET, which returns exactly 256 bytes")
  void t13() {
    byte[] thousand = new byte[1000];
    new Random(13).nextBytes(thousand);
    byte[] first256 = java.util.Arrays.copyOf(thousand, 256);
    server.stubFor(get("/bytes/1000").willReturn(aResponse().withBody(thousand)));
    server.stubFor(get("/bytes/1000").withHeader("Range", equalTo("bytes=0-255"))
        .willReturn(aResponse().withStatus(206).withBody(first256)));
    try (EmulatorSession s = HttpSessions.joined()) {
      s.exchange("AT+HTTPCHEAD=18\r\n");
      s.send("Range: bytes=0-255");
      assertThat(s.readResponse()).isEqualTo("\\r\\nOK\\r\\n");
      List<ResponseEvent> events = HttpSessions.events(s.host().exchange("AT+HTTPCGET=\"" + url("/bytes/1000") + "\"\r\n"));
      assertThat(HttpSessions.body(events, "HTTPCGET")).isEqualTo(first256);
      assertThat(s.exchange("AT+HTTPCHEAD?\r\n")).isEqualTo("+HTTPCHEAD:0,\"Range: bytes=0-255\"\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("transcript 14 (P-10): AT during a slow HTTPCGET answers busy p..., and the download still ends with OK")
  void t14() {
    server.stubFor(get("/slow").willReturn(aResponse().withBody("late").withFixedDelay(1000)));
    try (EmulatorSession s = HttpSessions.joined()) {
      s.send("AT+HTTPCGET=\"" + url("/slow") + "\"\r\n");
      assertThat(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/slow")))).isNotNull();
      s.send("AT\r\n");
      assertThat(s.readUntilEnd("busy p...\\r\\n", Duration.ofSeconds(5))).isEqualTo("\\r\\nbusy p...\\r\\n");
      assertThat(s.readResponse()).isEqualTo("+HTTPCGET:4,late\\r\\n\\r\\nOK\\r\\n");
    }
  }
}
