package dev.espat.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.espat.emulator.http.RecordedRequest;
import dev.espat.grammar.response.ResponseEvent;
import dev.espat.grammar.response.ResultCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Espressif's "HTTP AT Examples" (docs.espressif.com, esp-at, AT_Command_Examples/http_at_examples,
 * ESP32), each with the page's exact command line, against the real httpbin the page uses: the
 * emulator resolves httpbin.org to a local gunicorn (Host stays httpbin.org), so what httpbin
 * echoes back is what the firmware put on the wire. Each example starts as the page does:
 * AT+RESTORE, AT+CWMODE=1, AT+CWJAP="espressif","1234567890".
 */
class EspressifExamplesIT {
  @RegisterExtension
  static final HttpbinServer httpbin = HttpbinServer.plain().withTls();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER_AGENT = "ESP32 HTTP Client/1.0";
  private static final String FORM = "application/x-www-form-urlencoded";

  /** The 427-byte JSON body of the AT+HTTPCPOST (and AT+HTTPCPUT) example. */
  private static final String BODY_427 = "{\"headers\": {\"Accept\": \"application/json\",\"Accept-Encoding\": \"gzip, deflate\","
      + "\"Accept-Language\": \"en-US,en;q=0.9,zh-CN;q=0.8,zh;q=0.7\",\"Content-Length\": \"0\",\"Host\": \"httpbin.org\","
      + "\"Origin\": \"http://httpbin.org\",\"Referer\": \"http://httpbin.org/\",\"User-Agent\": \"Mozilla/5.0 (X11; Linux x86_64) "
      + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.114 Safari/537.36\",\"X-Amzn-Trace-Id\": "
      + "\"Root=1-6150581e-1ad4bd5254b4bf5218070413\"}}";

  /** The page's first steps, then the session is ready for the example's HTTP command. */
  private static EmulatorSession example(EspAtEmulator.Builder builder) {
    EmulatorSession s = EmulatorSession.start(builder.accessPoint("espressif", "1234567890")
        .resolve("httpbin.org", 80, "127.0.0.1", httpbin.port())
        .resolve("httpbin.org", 443, "127.0.0.1", httpbin.tlsPort()));
    assertThat(s.reboot("AT+RESTORE\r\n")).startsWith("\\r\\nOK\\r\\n").endsWith("ready\\r\\n");
    assertThat(s.exchange("AT+CWMODE=1\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    assertThat(s.exchange("AT+CWJAP=\"espressif\",\"1234567890\"\r\n"))
        .isEqualTo("WIFI CONNECTED\\r\\nWIFI GOT IP\\r\\n\\r\\nOK\\r\\n");
    return s;
  }

  private static EmulatorSession example() {
    return example(EspAtEmulator.builder());
  }

  /** The events of one command's answer, which must end with {@code result}. */
  private static List<ResponseEvent> answer(byte[] raw, ResultCode result) {
    List<ResponseEvent> events = HttpSessions.events(raw);
    assertThat(events.getLast()).isEqualTo(ResponseEvent.FinalResult.of(result));
    assertThat(events.subList(0, events.size() - 1)).allMatch(ResponseEvent.BodyFrame.class::isInstance);
    return events;
  }

  /** The frames of {@code command} put back together and read as the JSON httpbin echoed. */
  private static JsonNode echoed(List<ResponseEvent> events, String command) throws IOException {
    return JSON.readTree(HttpSessions.body(events, command));
  }

  @Test
  @DisplayName("HEAD example, P-20: AT+HTTPCLIENT=1 prints one +HTTPCLIENT:<len>,<Key>: <Value> frame per response header, in order, then OK")
  void head() throws IOException {
    List<String> frames = new ArrayList<>();
    int getBodySize;
    try (EmulatorSession s = example()) {
      List<ResponseEvent> events = answer(s.host().exchange("AT+HTTPCLIENT=1,0,\"http://httpbin.org/get\",,,1\r\n"), ResultCode.OK);
      events.stream().filter(ResponseEvent.BodyFrame.class::isInstance).map(ResponseEvent.BodyFrame.class::cast).forEach(f -> {
        assertThat(f.command()).isEqualTo("HTTPCLIENT");
        frames.add(new String(f.data(), StandardCharsets.ISO_8859_1));
      });
      RecordedRequest r = s.emulator().device().takeRequest(RawHost.PATIENCE).orElseThrow();
      assertThat(r.method()).isEqualTo("HEAD");
      assertThat(r.header("Host")).contains("httpbin.org");
      // The same URL with GET: its body is as long as the HEAD's Content-Length said.
      getBodySize = HttpSessions.body(answer(s.host().exchange("AT+HTTPCLIENT=2,0,\"http://httpbin.org/get\",,,1\r\n"), ResultCode.OK),
          "HTTPCLIENT").length;
    }
    assertThat(frames).allMatch(f -> f.matches("[A-Za-z0-9-]+: .*"), "Key: Value")
        .contains("Content-Type: application/json", "Content-Length: " + getBodySize, "Connection: keep-alive",
            "Access-Control-Allow-Origin: *", "Access-Control-Allow-Credentials: true")
        .anyMatch(f -> f.startsWith("Date: ")).anyMatch(f -> f.startsWith("Server: gunicorn"));
    assertThat(frames.stream().map(f -> f.substring(0, f.indexOf(':'))).toList())
        .as("header names in the order httpbin sent them").isEqualTo(headerNamesOfRawHead());
  }

  @Test
  @DisplayName("GET example, P-20 P-30 P-31: a binary JPEG over TLS (transport_type 2) comes back byte for byte in frames of at most 2048")
  void getJpegOverTls() throws Exception {
    // The page downloads a JPEG from www.espressif.com over TLS. Here a local HTTPS server (WireMock's
    // own certificate; AT+HTTPCFG's default 0 does not verify it) serves httpbin's JPEG at that path.
    String path = "/sites/all/themes/espressif/images/about-us/solution-platform.jpg";
    byte[] jpeg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpbin.url("/image/jpeg"))).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    assertThat(jpeg).startsWith(0xFF, 0xD8, 0xFF).hasSizeGreaterThan(2048);
    WireMockServer server = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
    server.start();
    try {
      server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
      try (EmulatorSession s = example(EspAtEmulator.builder().resolve("www.espressif.com", 443, "127.0.0.1", server.httpsPort()))) {
        List<ResponseEvent> events = answer(s.host().exchange(
            "AT+HTTPCLIENT=2,0,\"https://www.espressif.com/sites/all/themes/espressif/images/about-us/solution-platform.jpg\",,,2\r\n"),
            ResultCode.OK);
        assertThat(HttpSessions.body(events, "HTTPCLIENT")).isEqualTo(jpeg);
        assertThat(HttpSessions.frameSizes(events)).allMatch(n -> n > 0 && n <= 2048);
      }
      server.verify(getRequestedFor(urlEqualTo(path))
          .withHeader("Host", com.github.tomakehurst.wiremock.client.WireMock.equalTo("www.espressif.com"))
          .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.equalTo(USER_AGENT)));
    } finally {
      server.stop();
    }
  }

  @Test
  @DisplayName("POST example (small data), P-07 P-20: AT+HTTPCLIENT=3,1 sends the escaped 7th field as an application/json body")
  void postSmallJson() throws IOException {
    try (EmulatorSession s = example()) {
      JsonNode echo = echoed(answer(s.host().exchange(
          "AT+HTTPCLIENT=3,1,\"http://httpbin.org/post\",,,1,\"{\\\"form\\\":{\\\"purpose\\\":\\\"test\\\"}}\"\r\n"), ResultCode.OK),
          "HTTPCLIENT");
      assertThat(echo.at("/data").asText()).isEqualTo("{\"form\":{\"purpose\":\"test\"}}");
      assertThat(echo.at("/json/form/purpose").asText()).isEqualTo("test");
      assertThat(echo.at("/form").isEmpty()).isTrue();
      assertThat(echo.at("/url").asText()).isEqualTo("http://httpbin.org/post");
      assertHeaders(echo, "application/json", "27");
    }
  }

  @Test
  @DisplayName("POST example (recommended), P-11 P-12 P-23 P-30: AT+HTTPCPOST with 2 headers takes 427 raw bytes after >, answers +HTTPCPOST frames then SEND OK")
  void httpcpost() throws IOException {
    dataModeExample("HTTPCPOST", "post", "POST");
  }

  @Test
  @DisplayName("PUT example (recommended), P-11 P-12 P-23 P-30: AT+HTTPCPUT the same way, +HTTPCPUT frames then SEND OK (example of the current page, not of 3.x)")
  void httpcput() throws IOException {
    dataModeExample("HTTPCPUT", "put", "PUT");
  }

  private static void dataModeExample(String command, String endpoint, String method) throws IOException {
    try (EmulatorSession s = example()) {
      assertThat(s.exchange("AT+" + command + "=\"http://httpbin.org/" + endpoint
          + "\",427,2,\"connection: keep-alive\",\"content-type: application/json\"\r\n")).isEqualTo("\\r\\nOK\\r\\n\\r\\n>");
      byte[] body = BODY_427.getBytes(StandardCharsets.US_ASCII);
      assertThat(body).hasSize(427);
      s.host().send(body);
      JsonNode echo = echoed(answer(s.host().readResponse(), ResultCode.SEND_OK), command);
      assertThat(echo.at("/data").asText()).isEqualTo(BODY_427);
      assertThat(echo.at("/json")).isEqualTo(JSON.readTree(BODY_427));
      assertThat(echo.at("/url").asText()).isEqualTo("http://httpbin.org/" + endpoint);
      assertHeaders(echo, "application/json", "427");
      RecordedRequest r = s.emulator().device().takeRequest(RawHost.PATIENCE).orElseThrow();
      assertThat(r.method()).isEqualTo(method);
      assertThat(r.header("Connection")).contains("keep-alive");
      assertThat(r.bodySize()).isEqualTo(427);
    }
  }

  @Test
  @DisplayName("PUT example (no data), P-20: AT+HTTPCLIENT=4 sends the query string and an empty body with Content-Length: 0")
  void putWithoutData() throws IOException {
    try (EmulatorSession s = example()) {
      JsonNode echo = echoed(answer(s.host().exchange("AT+HTTPCLIENT=4,0,\"http://httpbin.org/put?user=foo\",,,1\r\n"), ResultCode.OK),
          "HTTPCLIENT");
      assertThat(echo.at("/args/user").asText()).isEqualTo("foo");
      assertThat(echo.at("/data").asText()).isEmpty();
      assertThat(echo.at("/json").isNull()).isTrue();
      assertThat(echo.at("/url").asText()).isEqualTo("http://httpbin.org/put?user=foo");
      assertHeaders(echo, FORM, "0");
    }
  }

  @Test
  @DisplayName("DELETE example, P-20: an https URL with transport_type 1 goes over TLS (the URL's scheme wins) and answers OK")
  void deleteHttpsUrlWithTransportType1() throws IOException {
    try (EmulatorSession s = example()) {
      JsonNode echo = echoed(answer(s.host().exchange("AT+HTTPCLIENT=5,0,\"https://httpbin.org/delete\",,,1\r\n"), ResultCode.OK),
          "HTTPCLIENT");
      assertThat(echo.at("/url").asText()).as("httpbin saw a TLS request").isEqualTo("https://httpbin.org/delete");
      assertThat(echo.at("/data").asText()).isEmpty();
      assertThat(echo.at("/headers/Content-Type").asText()).isEqualTo(FORM);
      assertThat(echo.at("/headers/User-Agent").asText()).isEqualTo(USER_AGENT);
      assertThat(echo.at("/headers/Host").asText()).isEqualTo("httpbin.org");
      // The page's response shows "Content-Length": "0" for this DELETE: the firmware sends it.
      assertThat(echo.at("/headers/Content-Length").asText()).isEqualTo("0");
    }
  }

  /** What httpbin says it received: the firmware's User-Agent, Host, Content-Type and length. */
  private static void assertHeaders(JsonNode echo, String contentType, String contentLength) {
    JsonNode headers = echo.at("/headers");
    assertThat(headers.at("/User-Agent").asText()).isEqualTo(USER_AGENT);
    assertThat(headers.at("/Host").asText()).isEqualTo("httpbin.org");
    assertThat(headers.at("/Content-Type").asText()).isEqualTo(contentType);
    assertThat(headers.at("/Content-Length").asText()).isEqualTo(contentLength);
  }

  /** The header names of a HEAD /get straight to httpbin, in the order sent (JDK clients sort them). */
  private static List<String> headerNamesOfRawHead() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", httpbin.port())) {
      socket.setSoTimeout((int) RawHost.PATIENCE.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("HEAD /get HTTP/1.1\r\nHost: httpbin.org\r\nUser-Agent: " + USER_AGENT + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (head.indexOf("\r\n\r\n") < 0) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      return head.toString().lines().skip(1).filter(l -> !l.isEmpty()).map(l -> l.substring(0, l.indexOf(':'))).toList();
    }
  }
}
