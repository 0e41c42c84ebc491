package dev.espat.conformance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The test server's endpoints, through the JDK's HTTP client: a real peer. */
class TestHttpServerTest {
  private static TestHttpServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    server = TestHttpServer.start("127.0.0.1", 0);
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(null, new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) { }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) { }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    http = HttpClient.newBuilder().sslContext(trustAll).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  @DisplayName("/bytes/N is the head of one fixed stream: /bytes/256 starts /bytes/1000")
  void bytes() throws Exception {
    byte[] thousand = get("/bytes/1000").body();
    assertThat(thousand).hasSize(1000).isEqualTo(GeneratedBytes.first(1000));
    assertThat(get("/bytes/256").body()).isEqualTo(java.util.Arrays.copyOf(thousand, 256));
    assertThat(TestHttpServer.entity("/bytes/1000").orElseThrow().sha256())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(thousand));
  }

  @Test
  @DisplayName("/chunked/N and /gzip/N carry the same entity, chunked and gzipped")
  void chunkedAndGzip() throws Exception {
    HttpResponse<byte[]> chunked = get("/chunked/3000");
    assertThat(chunked.headers().firstValue("Transfer-Encoding")).contains("chunked");
    assertThat(chunked.body()).isEqualTo(GeneratedBytes.first(3000));
    HttpResponse<byte[]> gzip = get("/gzip/3000");
    assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes()).isEqualTo(GeneratedBytes.first(3000));
  }

  @Test
  @DisplayName("/range/N honours one byte range with 206")
  void range() throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/range/1000"))
        .header("Range", "bytes=0-255").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(206);
    assertThat(r.headers().firstValue("Content-Range")).contains("bytes 0-255/1000");
    assertThat(r.body()).isEqualTo(GeneratedBytes.first(256));
  }

  @Test
  @DisplayName("/post echoes, /headers lists the request, /status and /redirect answer as named")
  void echoes() throws Exception {
    HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/post"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 13, 10, (byte) 0xff})).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(post.body()).containsExactly(0, 13, 10, 0xff);
    String headers = new String(http.send(HttpRequest.newBuilder(URI.create(server.url() + "/headers?x=1"))
        .header("X-Test", "A b").build(), HttpResponse.BodyHandlers.ofByteArray()).body());
    assertThat(headers).startsWith("GET /headers?x=1\n").contains("x-test: A b\n");
    assertThat(get("/status/418").statusCode()).isEqualTo(418);
    assertThat(get("/status/418").body()).isEmpty();
    assertThat(new String(get("/status-body/404").body())).isEqualTo("status 404");
    HttpResponse<byte[]> redirect = get("/redirect/2");
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location")).contains("/redirect/1");
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    assertThat(new String(get("/bytes/999999999999").body())).contains("at most");
  }

  @Test
  @DisplayName("HEAD answers the GET's headers, in a fixed order, without a body")
  void head() throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/get"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("Content-Length")).contains("21");
    assertThat(r.headers().firstValue("Date")).isPresent();
  }

  @Test
  @DisplayName("/slow/MS waits; the log records each request")
  void slowAndLog() throws Exception {
    server.requests().clear();
    long t0 = System.nanoTime();
    assertThat(new String(get("/slow/300").body())).isEqualTo("slow");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    RequestLog.Request r = server.requests().take(Duration.ofSeconds(1)).orElseThrow();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/slow/300");
  }

  @Test
  @DisplayName("/gate/N sends 1024 bytes, then the rest once the gate opens")
  void gate() throws Exception {
    var pending = http.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/gate/5000")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    Thread.sleep(300);
    assertThat(pending).isNotDone();
    server.openGates();
    assertThat(pending.get().body()).isEqualTo(GeneratedBytes.first(5000));
  }

  @Test
  @DisplayName("HTTPS with the self-signed certificate, issued for the address served on")
  void tls() throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.tlsUrl() + "/get")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(new String(r.body())).isEqualTo("{\"conformance\":\"get\"}");
    HttpClient verifying = HttpClient.newHttpClient();
    assertThatThrownBy(() -> verifying.send(HttpRequest.newBuilder(URI.create(server.tlsUrl() + "/get")).build(),
        HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("{refused} refuses connections")
  void refused() {
    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(server.refusedUrl() + "/get")).build(),
        HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);
  }

  @Test
  @DisplayName("an address that cannot be bound is named")
  void badAddress() {
    assertThatThrownBy(() -> TestHttpServer.start("192.0.2.1", 0)).hasMessageContaining("cannot serve on 192.0.2.1:0");
  }
}
