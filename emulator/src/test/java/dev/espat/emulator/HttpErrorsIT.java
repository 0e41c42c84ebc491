package dev.espat.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HTTP failures: statuses per firmware profile, network faults, timeouts; the device stays usable. */
class HttpErrorsIT {
  /** A real HTTP server per class, reset before each test (the extension's default). */
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private static EmulatorSession syslog(String firmware) {
    EmulatorSession s = HttpSessions.joined(EspAtEmulator.builder().firmware(firmware));
    s.exchange("AT+SYSLOG=1\r\n");
    return s;
  }

  private static void assertUsable(EmulatorSession s) {
    assertThat(s.exchange("AT\r\n")).as("the device stays usable").isEqualTo("\\r\\nOK\\r\\n");
  }

  @Test
  @DisplayName("P-16 P-17: on 4.1 a 500 streams its body, then ERR CODE:0x010a71f4")
  void bodyBeforeErrorOn41() {
    server.stubFor(get("/boom").willReturn(aResponse().withStatus(500).withBody("broken")));
    try (EmulatorSession s = syslog("4.1")) {
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/boom") + "\"\r\n"))
          .isEqualTo("+HTTPCGET:6,broken\\r\\nERR CODE:0x010a71f4\\r\\n\\r\\nERROR\\r\\n");
    }
  }

  @Test
  @DisplayName("P-16 P-17: on 3.1 a 404 prints no body and no status-specific code")
  void olderProfiles() {
    server.stubFor(get("/gone").willReturn(aResponse().withStatus(404).withBody("not here")));
    try (EmulatorSession s = syslog("3.1")) {
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/gone") + "\"\r\n")).isEqualTo("ERR CODE:0x010a0000\\r\\n\\r\\nERROR\\r\\n");
    }
  }

  @Test
  @DisplayName("P-16 P-23: HTTPCPOST to a 403 answers SEND FAIL after its ERR CODE")
  void postFailure() {
    server.stubFor(post("/deny").willReturn(aResponse().withStatus(403)));
    try (EmulatorSession s = syslog("4.1")) {
      assertThat(s.exchange("AT+HTTPCPOST=\"" + url("/deny") + "\",3\r\n")).endsWith(">");
      s.send("a=b");
      assertThat(s.readResponse()).isEqualTo("ERR CODE:0x010a7193\\r\\n\\r\\nSEND FAIL\\r\\n");
      assertUsable(s);
    }
  }

  @Test
  @DisplayName("P-20: a redirect is not followed by default: the 3xx body is printed, then OK")
  void redirectNotFollowed() {
    server.stubFor(get("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/new").withBody("moved")));
    server.stubFor(get("/new").willReturn(aResponse().withBody("new place")));
    try (EmulatorSession s = HttpSessions.joined()) {
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/old") + "\"\r\n")).isEqualTo("+HTTPCGET:5,moved\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-20: with followRedirects(true) up to 10 redirects are followed; an 11th 3xx is printed as is")
  void redirectFollowed() {
    for (int i = 0; i < 11; i++) {
      server.stubFor(get("/hop" + i).willReturn(aResponse().withStatus(301).withHeader("Location", "/hop" + (i + 1))));
    }
    server.stubFor(get("/hop11").willReturn(aResponse().withBody("arrived")));
    try (EmulatorSession s = HttpSessions.joined(EspAtEmulator.builder().followRedirects(true))) {
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/hop1") + "\"\r\n")).isEqualTo("+HTTPCGET:7,arrived\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.emulator().device().takeRequest(Duration.ofSeconds(1))).hasValueSatisfying(r -> assertThat(r.url()).endsWith("/hop1"));
      // From /hop0 it takes 11 redirects: the 11th 301 is printed as is.
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/hop0") + "\"\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  /** The faults a server can throw at the device. */
  enum ServerFault {
    CONNECTION_RESET(Fault.CONNECTION_RESET_BY_PEER),
    EMPTY_REPLY(Fault.EMPTY_RESPONSE),
    MALFORMED_CHUNK(Fault.MALFORMED_RESPONSE_CHUNK),
    GARBAGE(Fault.RANDOM_DATA_THEN_CLOSE);

    final Fault fault;

    ServerFault(Fault fault) {
      this.fault = fault;
    }
  }

  @ParameterizedTest
  @EnumSource(ServerFault.class)
  @DisplayName("P-16: a server fault answers ERROR with 0x010a7000, and the device stays usable")
  void faults(ServerFault fault) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault.fault)));
    try (EmulatorSession s = syslog("4.1")) {
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/fault") + "\"\r\n")).endsWith("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertUsable(s);
    }
  }

  @Test
  @DisplayName("P-16 P-22: a server slower than the command's timeout answers 0x010a7000 in about that time")
  void timeout() {
    server.stubFor(get("/slow").willReturn(aResponse().withBody("late").withFixedDelay(3000)));
    try (EmulatorSession s = syslog("4.1")) {
      long start = System.nanoTime();
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/slow") + "\",,,500\r\n")).isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400), Duration.ofMillis(2500));
      assertUsable(s);
    }
  }

  @Test
  @DisplayName("P-16 P-43: no IP answers 0x010a7000 at once; a name that does not resolve too")
  void noIpAndDns() {
    try (EmulatorSession s = EmulatorSession.start(EspAtEmulator.builder())) {
      s.exchange("AT+SYSLOG=1\r\n");
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/x") + "\"\r\n")).isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(server.getAllServeEvents()).isEmpty();
      s.exchange("AT+CWJAP=\"home\",\"pw\"\r\n");
      assertThat(s.exchange("AT+HTTPCGET=\"http://no-such-host.invalid/\"\r\n")).isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
    }
  }

  @Test
  @DisplayName("P-16 P-33: a server that announces a huge Content-Length and closes: frames, then ERROR, device usable")
  void shortBody() throws Exception {
    try (ServerSocket liar = new ServerSocket(0);
         EmulatorSession s = syslog("4.1")) {
      Thread.ofVirtual().start(() -> {
        try (Socket c = liar.accept(); OutputStream out = c.getOutputStream()) {
          c.getInputStream().read(new byte[4096]);
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\nonly this".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
          // the test sees the outcome through the device
        }
      });
      assertThat(s.exchange("AT+HTTPCGET=\"http://127.0.0.1:" + liar.getLocalPort() + "/\"\r\n"))
          .isEqualTo("+HTTPCGET:9,only this\\r\\nERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertUsable(s);
    }
  }
}
