package dev.espat.driver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.espat.driver.http.BodyHandlers;
import dev.espat.driver.http.HttpBodyStream;
import dev.espat.driver.http.HttpBodyTooLargeException;
import dev.espat.driver.http.HttpClient;
import dev.espat.driver.http.HttpRequest;
import dev.espat.driver.http.HttpResponse;
import dev.espat.driver.http.HttpStatus;
import dev.espat.driver.http.HttpStatusException;
import dev.espat.driver.http.RequestBody;
import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.http.RecordedRequest;
import dev.espat.grammar.AtCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streaming bodies both ways (P-33, P-23), the asynchronous and streaming APIs, AT+HTTPCHEAD for
 * headers that do not fit (P-25), AT+HTTPGETSIZE (P-21) and the client's defaults, against the
 * real emulator over TCP and WireMock.
 */
class HttpStreamingIT {
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @TempDir Path dir;

  @BeforeEach
  void stub() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  private record Session(EspAtEmulator emu, EspAt esp) {
    HttpClient http() {
      return esp.http();
    }

    RecordedRequest taken() {
      return emu.device().takeRequest(Duration.ofSeconds(5)).orElseThrow();
    }
  }

  /** A joined device over TCP whose driver keeps at most 64 KiB of any answer in memory. */
  private static void withDevice(Consumer<Session> test) {
    withDevice("4.1", test);
  }

  private static void withDevice(String firmware, Consumer<Session> test) {
    try (EspAtEmulator emu = EspAtEmulator.builder().unpaced().firmware(firmware).tcp("127.0.0.1", 0).start()) {
      try (EspAt esp = PortKind.TCP.builder(emu).maxResponseBytes(64 * 1024).open()) {
        esp.wifi().join("espressif", "1234567890");
        test.accept(new Session(emu, esp));
      }
    }
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("P-33: an 8 MB body streams to a file while the driver keeps at most 64 KiB of any answer")
  void largeBodyToFile() throws IOException {
    byte[] body = random(8 * 1024 * 1024, 1);
    server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody(body)));
    Path file = dir.resolve("big.bin");
    withDevice(s -> {
      HttpResponse<Path> r = s.http().send(HttpRequest.newBuilder(uri("/big")).timeout(Duration.ofMinutes(2)).build(),
          BodyHandlers.ofFile(file));
      assertThat(r.status()).isEqualTo(new HttpStatus.Succeeded());
      assertThat(r.body()).isEqualTo(file);
      assertThat(r.bodyLength()).isEqualTo(body.length);
    });
    assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(body));
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  @DisplayName("P-33: in memory, a body over the bound fails, nothing is kept, and the next request works")
  void inMemoryBound() {
    server.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody(random(300 * 1024, 2))));
    withDevice(s -> {
      assertThatThrownBy(() -> s.http().send(HttpRequest.newBuilder(uri("/big")).build(), BodyHandlers.ofString()))
          .isInstanceOf(HttpBodyTooLargeException.class).hasMessageContaining("65536");
      assertThat(s.http().send(HttpRequest.newBuilder(uri("/small")).build()).text()).isEqualTo("ok");
    });
  }

  @Test
  @DisplayName("P-33: a failed file download leaves the target untouched and no partial file behind")
  void failedDownloadLeavesNoFile() throws IOException {
    Path file = dir.resolve("keep.txt");
    Files.writeString(file, "before");
    withDevice(s -> assertThatThrownBy(() -> s.http().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/none")).build(), BodyHandlers.ofFile(file)))
        .isInstanceOf(dev.espat.driver.http.HttpConnectionException.class));
    assertThat(Files.readString(file)).isEqualTo("before");
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  @DisplayName("P-33: stream() reads a 3 MB body as an InputStream; the status comes at its end")
  void streamWholeBody() throws IOException {
    byte[] body = random(3 * 1024 * 1024, 3);
    server.stubFor(get(urlPathEqualTo("/s")).willReturn(aResponse().withBody(body)));
    withDevice(s -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (HttpBodyStream in = s.http().stream(HttpRequest.newBuilder(uri("/s")).timeout(Duration.ofMinutes(1)).build())) {
        assertThat(in.response()).isEmpty();
        in.transferTo(out);
        assertThat(in.response()).hasValueSatisfying(r -> {
          assertThat(r.status().succeeded()).isTrue();
          assertThat(r.bodyLength()).isEqualTo(body.length);
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertThat(sha256(out.toByteArray())).isEqualTo(sha256(body));
    });
  }

  @Test
  @DisplayName("P-17: a 404 body streams too; the stream ends and its response says Failed(404)")
  void streamFailedStatus() {
    server.stubFor(get(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("no such thing")));
    withDevice(s -> {
      try (HttpBodyStream in = s.http().stream(HttpRequest.newBuilder(uri("/missing")).header("X-A", "1").build())) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("no such thing");
        assertThat(in.response().orElseThrow().status()).isEqualTo(new HttpStatus.Failed(404));
        assertThat(((HttpStatus.Failed) in.response().orElseThrow().status()).reason()).isEqualTo("Not Found");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  @DisplayName("P-33: closing a stream early drops the rest; the next request on the device works")
  void streamClosedEarly() throws Exception {
    server.stubFor(get(urlPathEqualTo("/s")).willReturn(aResponse().withBody(random(2 * 1024 * 1024, 4))));
    withDevice(s -> {
      try (HttpBodyStream in = s.http().stream(HttpRequest.newBuilder(uri("/s")).timeout(Duration.ofMinutes(1)).build())) {
        assertThat(in.readNBytes(10_000)).hasSize(10_000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertThat(s.http().send(HttpRequest.newBuilder(uri("/after")).build()).text()).isEqualTo("ok");
    });
  }

  @Test
  @DisplayName("P-33: a body cut by the server makes the stream throw, never end as if whole")
  void cutBodyThrows() throws Exception {
    try (ServerSocket cutter = new ServerSocket(0)) {
      Thread.ofVirtual().start(() -> {
        try (Socket c = cutter.accept()) {
          c.getInputStream().read(new byte[4096]);
          OutputStream out = c.getOutputStream();
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.write(new byte[100_000]);
          out.flush();
        } catch (IOException e) {
          // the test sees what the device made of it
        }
      });
      withDevice(s -> {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cutter.getLocalPort() + "/cut"))
            .timeout(Duration.ofSeconds(20)).build();
        try (HttpBodyStream in = s.http().stream(request)) {
          assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
              .isInstanceOf(IOException.class).hasCauseInstanceOf(AtException.class);
          assertThat(in.response()).isEmpty();
        }
        assertThat(s.http().send(HttpRequest.newBuilder(uri("/after")).build()).text()).isEqualTo("ok");
      });
    }
  }

  @Test
  @DisplayName("Godot read_chunk_size: ofChunks hands on pieces of exactly the chosen size, the last shorter")
  void fixedChunks() {
    byte[] body = random(10_000, 5);
    server.stubFor(get(urlPathEqualTo("/c")).willReturn(aResponse().withBody(body)));
    withDevice(s -> {
      List<Integer> sizes = new ArrayList<>();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      HttpResponse<Long> r = s.http().send(HttpRequest.newBuilder(uri("/c")).build(), BodyHandlers.ofChunks(512, chunk -> {
        sizes.add(chunk.remaining());
        byte[] b = new byte[chunk.remaining()];
        chunk.get(b);
        all.writeBytes(b);
      }));
      assertThat(r.body()).isEqualTo(10_000L);
      assertThat(sizes.subList(0, sizes.size() - 1)).allMatch(n -> n == 512);
      assertThat(sizes.getLast()).isEqualTo(10_000 % 512);
      assertThat(all.toByteArray()).isEqualTo(body);
    });
  }

  @Test
  @DisplayName("sendAsync: eight requests from one thread complete, each with its own body, through one device")
  void sendAsync() {
    for (int i = 0; i < 8; i++) {
      server.stubFor(get(urlPathEqualTo("/a" + i)).willReturn(aResponse().withBody("body " + i)));
    }
    withDevice(s -> {
      List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
      List<String> seen = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 8; i++) {
        CompletableFuture<HttpResponse<String>> f = s.http().sendAsync(HttpRequest.newBuilder(uri("/a" + i)).build(),
            BodyHandlers.ofString());
        f.thenAccept(r -> seen.add(r.body())); // Pycom's callback on response
        futures.add(f);
      }
      for (int i = 0; i < 8; i++) {
        assertThat(futures.get(i).orTimeout(60, TimeUnit.SECONDS).join().body()).isEqualTo("body " + i);
      }
      assertThat(seen).hasSize(8);
      CompletableFuture<HttpResponse<byte[]>> refused = s.http().sendAsync(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/")).build());
      assertThatThrownBy(() -> refused.orTimeout(60, TimeUnit.SECONDS).join())
          .hasCauseInstanceOf(dev.espat.driver.http.HttpConnectionException.class);
    });
  }

  @Test
  @DisplayName("P-23: a 1 MiB file uploads from disk through AT+HTTPCPOST; the server gets every byte")
  void fileUpload() throws IOException {
    byte[] data = random(1024 * 1024, 6);
    Path file = dir.resolve("up.bin");
    Files.write(file, data);
    server.stubFor(post(urlPathEqualTo("/up")).willReturn(aResponse().withBody("stored")));
    withDevice(s -> {
      HttpResponse<byte[]> r = s.http().send(HttpRequest.newBuilder(uri("/up")).timeout(Duration.ofMinutes(2))
          .POST(RequestBody.ofFile(file)).contentType("application/octet-stream").build());
      assertThat(r.command()).isEqualTo(HttpCommand.HTTPCPOST);
      assertThat(r.text()).isEqualTo("stored");
    });
    LoggedRequest got = server.findAll(anyRequestedFor(urlPathEqualTo("/up"))).getFirst();
    assertThat(sha256(got.getBody())).isEqualTo(sha256(data));
    assertThat(got.getHeader("Content-Type")).isEqualTo("application/octet-stream");
  }

  @Test
  @DisplayName("P-23: a body longer than the device takes is refused with a message about the length, and nothing is sent")
  void uploadOverDeviceLimit() {
    withDevice(s -> {
      assertThatThrownBy(() -> s.http().send(HttpRequest.newBuilder(uri("/up"))
          .POST(RequestBody.of(new byte[2 * 1024 * 1024])).build()))
          .isInstanceOf(dev.espat.driver.http.HttpException.class).hasMessageContaining("length").hasMessageContaining("heap");
      assertThat(s.emu().device().takeRequest(Duration.ofMillis(200))).isEmpty();
    });
  }

  @Test
  @DisplayName("P-12: a file that shrinks before it is sent fails the request, saying the device got zero bytes for the rest")
  void shrinkingUpload() throws IOException {
    Path file = dir.resolve("shrinks.bin");
    Files.write(file, random(100_000, 7));
    RequestBody body = RequestBody.ofFile(file);
    Files.write(file, random(1000, 7));
    withDevice(s -> {
      assertThatThrownBy(() -> s.http().send(HttpRequest.newBuilder(uri("/up")).POST(body).build()))
          .isInstanceOf(PayloadException.class).hasMessageContaining("zero").hasMessageContaining("1000 of the 100000");
      assertThat(s.http().send(HttpRequest.newBuilder(uri("/after")).build()).text()).isEqualTo("ok");
    });
  }

  @Test
  @DisplayName("P-25: 30 headers do not fit on the line: they go through AT+HTTPCHEAD and are cleared afterwards")
  void thirtyHeaders() {
    withDevice(s -> {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri("/h"));
      for (int i = 0; i < 30; i++) {
        b.header("X-Header-" + i, "value number " + i);
      }
      HttpResponse<byte[]> r = s.http().send(b.build());
      assertThat(r.text()).isEqualTo("ok");
      RecordedRequest seen = s.taken();
      for (int i = 0; i < 30; i++) {
        assertThat(seen.header("X-Header-" + i)).contains("value number " + i);
      }
      assertThat(s.esp().execute(AtCommand.query("+HTTPCHEAD")).information("HTTPCHEAD")).isEmpty();
      s.http().send(HttpRequest.newBuilder(uri("/next")).build());
      assertThat(s.taken().header("X-Header-0")).isEmpty();
    });
  }

  @Test
  @DisplayName("P-25 P-27: headers that do not fit need AT+HTTPCHEAD (3.1); on 3.0 the client says so")
  void longHeadersOnOldFirmware() {
    withDevice("3.0", s -> assertThatThrownBy(() -> s.http().send(HttpRequest.newBuilder(uri("/h"))
        .header("X-Long", "v".repeat(300)).build()))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("HTTPCHEAD").hasMessageContaining("3.1"));
  }

  @Test
  @DisplayName("P-21: contentLength asks AT+HTTPGETSIZE; a 404 throws HttpStatusException")
  void contentLength() {
    server.stubFor(get(urlPathEqualTo("/sized")).willReturn(aResponse().withHeader("Content-Length", "12345")
        .withBody(random(12_345, 8))));
    server.stubFor(get(urlPathEqualTo("/chunked")).willReturn(aResponse().withBody(random(12_345, 8))));
    server.stubFor(get(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("no")));
    withDevice(s -> {
      assertThat(s.http().contentLength(HttpRequest.newBuilder(uri("/sized")).build())).isEqualTo(12_345L);
      assertThatThrownBy(() -> s.http().contentLength(HttpRequest.newBuilder(uri("/missing")).build()))
          .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status().status()).isEqualTo(404))
          .hasMessageContaining("HTTPGETSIZE");
      // WireMock sends this one chunked: the firmware reports 0, "empty or unknown".
      assertThat(s.http().contentLength(HttpRequest.newBuilder(uri("/chunked")).build())).isZero();
      String longPath = "/sized?pad=" + "p".repeat(400);
      assertThat(s.http().contentLength(HttpRequest.newBuilder(uri(longPath)).build())).isEqualTo(12_345L);
    });
  }

  @Test
  @DisplayName("Pycom/requests: a base URI, default headers and basic auth apply to every request; the request's own header wins")
  void clientDefaults() {
    withDevice(s -> {
      HttpClient http = HttpClient.newBuilder(s.esp()).baseUri(uri("/api/")).basicAuth("user", "pa:ss")
          .userAgent("rig/1.0").accept("text/plain").build();
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("q", "a b&c");
      query.put("n", 1);
      http.send(HttpRequest.newBuilder(URI.create("items")).queryParams(query).header("Accept", "application/json").build());
      RecordedRequest seen = s.taken();
      assertThat(seen.url()).endsWith("/api/items?q=a%20b%26c&n=1");
      assertThat(seen.header("Authorization")).contains("Basic dXNlcjpwYTpzcw==");
      assertThat(seen.header("User-Agent")).contains("rig/1.0");
      assertThat(seen.header("Accept")).contains("application/json");
      assertThatThrownBy(() -> s.http().send(HttpRequest.newBuilder(URI.create("items")).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base URI");
    });
  }

  @Test
  @DisplayName("P-26 P-27: configureTls sends AT+HTTPCFG on 4.1 and is refused, naming 4.1, on 3.1")
  void tlsSettings() {
    withDevice(s -> {
      s.http().configureTls(dev.espat.driver.http.HttpTls.none());
      assertThat(s.http().send(HttpRequest.newBuilder(uri("/after")).build()).text()).isEqualTo("ok");
    });
    withDevice("3.1", s -> assertThatThrownBy(() -> s.http().configureTls(dev.espat.driver.http.HttpTls.verifyServer(0)))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("HTTPCFG").hasMessageContaining("4.1"));
  }

  @Test
  @DisplayName("a failing body handler fails the request with its error; the device stays in step")
  void failingHandler() {
    server.stubFor(get(urlPathEqualTo("/c")).willReturn(aResponse().withBody(random(50_000, 9))));
    withDevice(s -> {
      assertThatThrownBy(() -> s.http().send(HttpRequest.newBuilder(uri("/c")).build(), context -> new dev.espat.driver.http.BodyHandler.Sink<Void>() {
        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
          throw new IOException("disk full");
        }

        @Override
        public Void complete() {
          return null;
        }
      })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
      assertThat(s.http().send(HttpRequest.newBuilder(uri("/after")).build()).text()).isEqualTo("ok");
    });
  }


  @Test
  @DisplayName("requests json=: a JSON body goes out with its type, a JSON answer reads back as a Map through the codec")
  void jsonBothWays() {
    server.stubFor(post(urlPathEqualTo("/json")).willReturn(aResponse().withBody("{\"id\":7,\"tags\":[\"a\",\"b\"]}")));
    withDevice(s -> {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("name", "sensor \"7\"");
      value.put("reading", 21.5);
      HttpResponse<byte[]> r = s.http().send(HttpRequest.newBuilder(uri("/json")).POST(RequestBody.json(value)).build());
      assertThat(r.json(Map.class)).containsEntry("id", 7L).containsEntry("tags", List.of("a", "b"));
      Map<?, ?> typed = s.http().send(HttpRequest.newBuilder(uri("/json")).POST(RequestBody.json(value)).build(),
          BodyHandlers.ofJson(Map.class)).body();
      assertThat(typed.get("id")).isEqualTo(7L);
      Map<String, Object> big = new LinkedHashMap<>();
      big.put("blob", "x".repeat(5000));
      assertThat(s.http().send(HttpRequest.newBuilder(uri("/json")).POST(RequestBody.json(big)).build()).command())
          .isEqualTo(HttpCommand.HTTPCPOST);
    });
    List<LoggedRequest> got = server.findAll(anyRequestedFor(urlPathEqualTo("/json")));
    assertThat(got.getFirst().getBodyAsString()).isEqualTo("{\"name\":\"sensor \\\"7\\\"\",\"reading\":21.5}");
    assertThat(got.getFirst().getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(got.get(2).getHeader("Content-Type")).isEqualTo("application/json");
  }

  @Test
  @DisplayName("requests files=: a multipart form with a field and a 200 KB file reaches the server part by part")
  void multipartUpload() throws IOException {
    byte[] data = random(200_000, 10);
    Path file = dir.resolve("photo.jpg");
    Files.write(file, data);
    server.stubFor(post(urlPathEqualTo("/form")).willReturn(aResponse().withBody("got it")));
    withDevice(s -> {
      dev.espat.driver.http.MultipartBody form = dev.espat.driver.http.MultipartBody.newBuilder()
          .field("title", "Garden")
          .file("photo", "photo.jpg", "image/jpeg", file)
          .build();
      HttpResponse<byte[]> r = s.http().send(HttpRequest.newBuilder(uri("/form")).POST(form).build());
      assertThat(r.text()).isEqualTo("got it");
      assertThat(r.command()).isEqualTo(HttpCommand.HTTPCPOST);
    });
    LoggedRequest got = server.findAll(anyRequestedFor(urlPathEqualTo("/form"))).getFirst();
    assertThat(got.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(got.getPart("title").getBody().asString()).isEqualTo("Garden");
    assertThat(got.getPart("photo").getBody().asBytes()).isEqualTo(data);
    assertThat(got.getPart("photo").getHeader("Content-Type").firstValue()).isEqualTo("image/jpeg");
  }
}
