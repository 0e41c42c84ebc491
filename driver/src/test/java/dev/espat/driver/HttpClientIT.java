package dev.espat.driver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.espat.driver.http.ContentType;
import dev.espat.driver.http.HttpBodyTooLargeException;
import dev.espat.driver.http.HttpConnectionException;
import dev.espat.driver.http.HttpException;
import dev.espat.driver.http.HttpRequest;
import dev.espat.driver.http.HttpResponse;
import dev.espat.driver.http.HttpStatus;
import dev.espat.driver.http.UnsupportedHttpMethodException;
import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.http.RecordedRequest;
import dev.espat.grammar.AtCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HTTP client against the real emulator (in memory and over TCP) with WireMock as the web
 * server: which AT command each request takes, and what the server received.
 */
class HttpClientIT {
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @BeforeEach
  void stub() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  /** Runs {@code test} against a joined device (HTTP needs an IP, P-43) on the given port kind. */
  private static void withDevice(PortKind kind, String firmware, Consumer<EspAtBuilder> options, Consumer<Session> test) {
    EspAtEmulator.Builder b = EspAtEmulator.builder().unpaced().firmware(firmware).accessPoint("espressif", "1234567890");
    try (EspAtEmulator emu = kind.configure(b, null).start()) {
      EspAtBuilder eb = kind.builder(emu);
      options.accept(eb);
      try (EspAt esp = eb.open()) {
        esp.wifi().join("espressif", "1234567890");
        test.accept(new Session(emu, esp));
      }
    }
  }

  private static void withDevice(PortKind kind, Consumer<Session> test) {
    withDevice(kind, "4.1", b -> { }, test);
  }

  private record Session(EspAtEmulator emu, EspAt esp) {
    RecordedRequest taken() {
      return emu.device().takeRequest(Duration.ofSeconds(5)).orElseThrow();
    }
  }

  private static LoggedRequest only() {
    List<LoggedRequest> all = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(all).hasSize(1);
    return all.getFirst();
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @EnumSource(value = PortKind.class, names = {"IN_MEMORY", "TCP"})
  @DisplayName("P-22 P-27: a GET without headers goes through AT+HTTPCGET; success has no invented status")
  void getSmall(PortKind kind) {
    server.stubFor(get(urlPathEqualTo("/get")).willReturn(aResponse().withBody("hello, device")));
    withDevice(kind, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(uri("/get")).build());
      assertThat(r.status()).isEqualTo(new HttpStatus.Succeeded());
      assertThat(r.status().succeeded()).isTrue();
      assertThat(r.text()).isEqualTo("hello, device");
      assertThat(r.command()).isEqualTo(HttpCommand.HTTPCGET);
      assertThat(s.taken().method()).isEqualTo("GET");
    });
  }

  @ParameterizedTest
  @EnumSource(value = PortKind.class, names = {"IN_MEMORY", "TCP"})
  @DisplayName("P-22 P-30 P-31: a 100 KB binary body, re-assembled from frames by length, byte-exact")
  void getBinary(PortKind kind) {
    byte[] bytes = random(100 * 1024, 1);
    // CR LF, "OK" and NUL inside the body must not confuse the reader (P-30).
    byte[] tricky = "\r\nOK\r\n\0ERROR\r\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(tricky, 0, bytes, 2040, tricky.length);
    server.stubFor(get(urlPathEqualTo("/bytes")).willReturn(aResponse().withBody(bytes)));
    withDevice(kind, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(uri("/bytes")).build());
      assertThat(r.bodyLength()).isEqualTo(bytes.length);
      assertThat(r.body()).isEqualTo(bytes);
    });
  }

  @Test
  @DisplayName("P-20: a GET with headers goes through AT+HTTPCLIENT opt 2, the headers as extra fields")
  void getWithHeaders() {
    withDevice(PortKind.IN_MEMORY, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(uri("/h?x=1")).header("X-Trace", "a,b\"c").build());
      assertThat(r.command()).isEqualTo(HttpCommand.HTTPCLIENT);
      assertThat(r.text()).isEqualTo("ok");
      LoggedRequest seen = only();
      assertThat(seen.getMethod().getName()).isEqualTo("GET");
      assertThat(seen.getUrl()).isEqualTo("/h?x=1");
      assertThat(seen.getHeader("X-Trace")).isEqualTo("a,b\"c");
    });
  }

  @Test
  @DisplayName("P-20: HEAD through AT+HTTPCLIENT opt 1; the headers come from the Key: Value frames")
  void headHeaders() {
    server.stubFor(head(urlPathEqualTo("/head")).willReturn(aResponse().withHeader("X-Thing", "yes").withHeader("Content-Type", "text/plain")));
    withDevice(PortKind.IN_MEMORY, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(uri("/head")).HEAD().build());
      assertThat(r.status().succeeded()).isTrue();
      assertThat(r.header("x-thing")).contains("yes");
      assertThat(r.header("Content-Type")).contains("text/plain");
      assertThat(r.bodyLength()).isZero();
      assertThat(s.taken().method()).isEqualTo("HEAD");
    });
  }

  @Test
  @DisplayName("P-20: a small JSON POST goes on the line (AT+HTTPCLIENT opt 3, content-type 1)")
  void postSmallJson() {
    String json = "{\"form\":{\"purpose\":\"test, \\\"quoted\\\"\"}}";
    withDevice(PortKind.IN_MEMORY, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(uri("/post")).POST(json, ContentType.JSON).build());
      assertThat(r.command()).isEqualTo(HttpCommand.HTTPCLIENT);
      assertThat(r.text()).isEqualTo("ok");
      LoggedRequest seen = only();
      assertThat(seen.getMethod().getName()).isEqualTo("POST");
      assertThat(seen.getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(seen.getBodyAsString()).isEqualTo(json);
    });
  }

  @ParameterizedTest
  @EnumSource(value = PortKind.class, names = {"IN_MEMORY", "TCP"})
  @DisplayName("P-11 P-23: a 1 MB binary POST goes through AT+HTTPCPOST in data mode, byte-exact at the server")
  void postLargeBinary(PortKind kind) {
    byte[] bytes = random(1_000_000, 2);
    withDevice(kind, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(uri("/upload")).method("POST", bytes)
          .contentType("application/octet-stream").timeout(Duration.ofMinutes(1)).build());
      assertThat(r.command()).isEqualTo(HttpCommand.HTTPCPOST);
      assertThat(r.text()).isEqualTo("ok");
      assertThat(s.taken().bodySize()).isEqualTo(bytes.length);
      LoggedRequest seen = only();
      assertThat(seen.getHeader("Content-Type")).isEqualTo("application/octet-stream");
      assertThat(seen.getBody()).isEqualTo(bytes);
    });
  }

  @Test
  @DisplayName("P-20 P-23: PUT with a body goes through AT+HTTPCPUT (HTTPCLIENT's PUT sends no body)")
  void put() {
    withDevice(PortKind.IN_MEMORY, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(uri("/put")).PUT("<a>1</a>", ContentType.TEXT_XML).build());
      assertThat(r.command()).isEqualTo(HttpCommand.HTTPCPUT);
      LoggedRequest seen = only();
      assertThat(seen.getMethod().getName()).isEqualTo("PUT");
      assertThat(seen.getHeader("Content-Type")).isEqualTo("text/xml");
      assertThat(seen.getBodyAsString()).isEqualTo("<a>1</a>");
    });
  }

  @Test
  @DisplayName("P-20: DELETE through AT+HTTPCLIENT opt 5")
  void delete() {
    withDevice(PortKind.IN_MEMORY, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(uri("/thing/7")).DELETE().build());
      assertThat(r.command()).isEqualTo(HttpCommand.HTTPCLIENT);
      assertThat(r.status().succeeded()).isTrue();
      LoggedRequest seen = only();
      assertThat(seen.getMethod().getName()).isEqualTo("DELETE");
      assertThat(seen.getUrl()).isEqualTo("/thing/7");
    });
  }

  @ParameterizedTest
  @EnumSource(value = PortKind.class, names = {"IN_MEMORY", "TCP"})
  @DisplayName("P-02 P-24: a 2000-byte URL goes through AT+HTTPURLCFG, then the command with url \"\"; cleared afterwards")
  void longUrl(PortKind kind) {
    String path = "/long?q=" + "x".repeat(2000 - uri("/long?q=").toString().length());
    URI long_ = uri(path);
    assertThat(long_.toString()).hasSize(2000);
    withDevice(kind, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(long_).build());
      assertThat(r.text()).isEqualTo("ok");
      assertThat(s.taken().url()).isEqualTo(long_.toString());
      assertThat(only().getUrl()).isEqualTo(path);
      assertThat(s.esp().execute(AtCommand.query("+HTTPURLCFG")).frames()).isEmpty();
      // A long URL with a small POST: still on the line after HTTPURLCFG.
      s.esp().http().send(HttpRequest.newBuilder(long_).POST("a=1", ContentType.FORM_URLENCODED).build());
      assertThat(s.taken().method()).isEqualTo("POST");
    });
  }

  @Test
  @DisplayName("P-16 P-17: 404 and 500 are Failed(status) from 0x7000 + status, with the body the server sent")
  void failedStatus() {
    server.stubFor(get(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("no such thing")));
    server.stubFor(any(urlPathEqualTo("/broken")).willReturn(aResponse().withStatus(500).withBody("boom")));
    withDevice(PortKind.IN_MEMORY, s -> {
      HttpResponse<byte[]> r404 = s.esp().http().send(HttpRequest.newBuilder(uri("/missing")).build());
      assertThat(r404.status()).isEqualTo(new HttpStatus.Failed(404));
      assertThat(r404.text()).isEqualTo("no such thing");
      HttpResponse<byte[]> r500 = s.esp().http().send(HttpRequest.newBuilder(uri("/broken")).POST("x=1", ContentType.FORM_URLENCODED).build());
      assertThat(r500.status()).isEqualTo(new HttpStatus.Failed(500));
      assertThat(r500.status().succeeded()).isFalse();
      assertThat(r500.text()).isEqualTo("boom");
      HttpResponse<byte[]> big500 = s.esp().http().send(HttpRequest.newBuilder(uri("/broken")).method("POST", random(5000, 3)).build());
      assertThat(big500.status()).isEqualTo(new HttpStatus.Failed(500));
      assertThat(big500.command()).isEqualTo(HttpCommand.HTTPCPOST);
    });
  }

  @Test
  @DisplayName("P-16: a refused connection is an HttpConnectionException with 0x010a7000")
  void connectionRefused() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + port + "/");
    withDevice(PortKind.IN_MEMORY, s -> {
      assertThatThrownBy(() -> s.esp().http().send(HttpRequest.newBuilder(nowhere).build()))
          .isInstanceOf(HttpConnectionException.class).hasMessageContaining("0x010a7000");
      // The device is in step afterwards.
      assertThat(s.esp().http().send(HttpRequest.newBuilder(uri("/")).build()).text()).isEqualTo("ok");
    });
  }

  @Test
  @DisplayName("P-20: PATCH is refused before anything is sent, naming the methods the firmware has")
  void patchRefused() {
    withDevice(PortKind.IN_MEMORY, s -> {
      assertThatThrownBy(() -> s.esp().http().send(HttpRequest.newBuilder(uri("/p")).method("PATCH", "{}").build()))
          .isInstanceOf(UnsupportedHttpMethodException.class).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("PATCH").hasMessageContaining("HEAD, GET, POST, PUT and DELETE");
      assertThatThrownBy(() -> s.esp().http().send(HttpRequest.newBuilder(uri("/p")).method("OPTIONS", (byte[]) null).build()))
          .isInstanceOf(UnsupportedHttpMethodException.class).hasMessageContaining("OPTIONS");
      assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    });
  }

  @Test
  @DisplayName("P-33 (bounded memory only; streaming is not built): a body over maxResponseBytes fails naming the limit; the next request works")
  void bodyTooLarge() {
    server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody(random(100 * 1024, 4))));
    withDevice(PortKind.IN_MEMORY, "4.1", b -> b.maxResponseBytes(64 * 1024), s -> {
      assertThat(s.esp().http().maxBodyBytes()).isEqualTo(64 * 1024);
      assertThatThrownBy(() -> s.esp().http().send(HttpRequest.newBuilder(uri("/big")).build()))
          .isInstanceOfSatisfying(HttpBodyTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(64 * 1024))
          .hasMessageContaining("65536");
      assertThat(s.esp().http().send(HttpRequest.newBuilder(uri("/small")).build()).text()).isEqualTo("ok");
    });
  }

  @Test
  @DisplayName("P-16 P-27: before 4.1 a 404 is 0x010a0000, which cannot be told from a refused connection: HttpException says so")
  void failureWithoutStatusOnOlderFirmware() {
    server.stubFor(get(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("no such thing")));
    withDevice(PortKind.IN_MEMORY, "3.1", b -> { }, s -> {
      assertThatThrownBy(() -> s.esp().http().send(HttpRequest.newBuilder(uri("/missing")).build()))
          .isExactlyInstanceOf(HttpException.class).hasMessageContaining("0x010a0000").hasMessageContaining("4.1");
    });
  }

  @Test
  @DisplayName("P-01 P-07: a header with CR or LF is refused when built, never sent")
  void headerWithLineBreak() {
    assertThatThrownBy(() -> HttpRequest.newBuilder(uri("/")).header("X-Evil", "a\r\nHost: elsewhere"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Evil");
  }

  @Test
  @DisplayName("P-27: firmware 2.2 has no AT+HTTPCGET: a GET goes through AT+HTTPCLIENT")
  void olderFirmware() {
    withDevice(PortKind.IN_MEMORY, "2.2", b -> { }, s -> {
      HttpResponse<byte[]> r = s.esp().http().send(HttpRequest.newBuilder(uri("/get")).build());
      assertThat(r.command()).isEqualTo(HttpCommand.HTTPCLIENT);
      assertThat(r.text()).isEqualTo("ok");
      assertThatThrownBy(() -> s.esp().http().send(HttpRequest.newBuilder(uri("/put")).PUT("abc", ContentType.JSON).build()))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("HTTPCPUT");
    });
  }
}
