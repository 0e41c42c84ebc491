package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.trace.TraceEvent;
import dev.espat.grammar.response.ResponseEvent;
import dev.espat.grammar.response.ResultCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real TLS handshakes for AT+HTTPCFG (P-26) against local HTTPS servers with certificates issued
 * for the run: what each mode accepts, and that every refusal is the connection failure
 * 0x010a7000 (P-16) after which the device goes on.
 *
 * <p>Every server is reached as {@code device.test} through {@code resolve}, so the name the
 * device checks is the one its URL names; the servers differ only in the certificate they show.
 */
class HttpTlsIT {
  private static final String HOST = "device.test";
  private static final String FAILED = "ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n";

  @TempDir
  static Path dir;

  private static TestPki.Issued client;
  private static Path caPem;
  private static Path otherCaPem;
  private static Path clientPem;
  private static Path clientKeyPem;
  private static byte[] text;
  private static byte[] jpeg;

  /** A server certificate signed by the CA the device holds as number 0. */
  private static TlsTestServer trusted;
  /** Signs its own certificate. */
  private static TlsTestServer selfSigned;
  /** The CA's, but expired yesterday. */
  private static TlsTestServer expired;
  /** The CA's, valid, for other.test. */
  private static TlsTestServer otherName;
  /** Like {@link #trusted}, and requires a client certificate from the CA. */
  private static TlsTestServer mutual;

  @BeforeAll
  static void issueAndServe() {
    TestPki.Issued ca = TestPki.ca("esp-at test CA");
    client = TestPki.client(ca, "esp32-device-7");
    caPem = ca.writeCertificate(dir.resolve("ca.pem"));
    otherCaPem = TestPki.ca("some other CA").writeCertificate(dir.resolve("other-ca.pem"));
    clientPem = client.writeCertificate(dir.resolve("client.pem"));
    clientKeyPem = client.writeKey(dir.resolve("client-key.pem"));

    text = "The quick brown fox jumps over the lazy dog.\r\nOK\r\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
    jpeg = fakeJpeg(40_000);

    trusted = serving(TestPki.server(ca, HOST, TestPki.VALID), "trusted", null);
    selfSigned = serving(TestPki.selfSigned(HOST), "self-signed", null);
    expired = serving(TestPki.server(ca, HOST, TestPki.EXPIRED), "expired", null);
    otherName = serving(TestPki.server(ca, "other.test", TestPki.VALID), "other-name", null);
    mutual = serving(TestPki.server(ca, HOST, TestPki.VALID), "mutual", caPem);
  }

  @AfterAll
  static void stopServers() {
    for (TlsTestServer s : new TlsTestServer[] {trusted, selfSigned, expired, otherName, mutual}) {
      if (s != null) {
        s.close();
      }
    }
  }

  private static TlsTestServer serving(TestPki.Issued certificate, String name, Path clientCa) {
    Path cert = certificate.writeCertificate(dir.resolve(name + ".pem"));
    Path key = certificate.writeKey(dir.resolve(name + "-key.pem"));
    return TlsTestServer.start(cert, key, clientCa)
        .serve("/text", text, "text/plain")
        .serve("/photo.jpg", jpeg, "image/jpeg");
  }

  /**
   * Random bytes between a JPEG's start (SOI, APP0 "JFIF") and end (EOI) markers, with the
   * sequences a line reader would trip on (CR LF, "OK", "ERROR", NUL) planted inside.
   */
  private static byte[] fakeJpeg(int size) {
    byte[] b = new byte[size];
    new Random(26).nextBytes(b);
    byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00};
    System.arraycopy(head, 0, b, 0, head.length);
    byte[] trap = "\r\nOK\r\n\r\nERROR\r\n+HTTPCGET:5,\0".getBytes(StandardCharsets.US_ASCII);
    for (int at = 1000; at + trap.length < size - 2; at += 3001) {
      System.arraycopy(trap, 0, b, at, trap.length);
    }
    b[size - 2] = (byte) 0xFF;
    b[size - 1] = (byte) 0xD9;
    return b;
  }

  /** A joined 4.1+ device holding CA 0 (the servers' CA), CA 1 (another) and client certificate 0; SYSLOG on. */
  private static EmulatorSession device() {
    EspAtEmulator.Builder b = EspAtEmulator.builder()
        .caCertificate(caPem)
        .caCertificate(otherCaPem)
        .clientCertificate(clientPem, clientKeyPem);
    for (TlsTestServer s : new TlsTestServer[] {trusted, selfSigned, expired, otherName, mutual}) {
      b.resolve(HOST, s.port(), "127.0.0.1", s.port());
    }
    b.resolve(HOST, 443, "127.0.0.1", trusted.port());
    EmulatorSession s = HttpSessions.joined(b);
    assertThat(s.exchange("AT+SYSLOG=1\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    return s;
  }

  private static String url(TlsTestServer server, String path) {
    return "https://" + HOST + ":" + server.port() + path;
  }

  private static void configure(EmulatorSession s, String httpcfg) {
    assertThat(s.exchange("AT+HTTPCFG=" + httpcfg + "\r\n")).isEqualTo("\\r\\nOK\\r\\n");
  }

  /** AT+HTTPCGET of the path; asserts OK and returns the body its frames carry. */
  private static byte[] get(EmulatorSession s, TlsTestServer server, String path) {
    List<ResponseEvent> events = HttpSessions.events(s.host().exchange("AT+HTTPCGET=\"" + url(server, path) + "\"\r\n"));
    assertThat(events.getLast()).as("the final result of %s", events).isInstanceOfSatisfying(ResponseEvent.FinalResult.class,
        r -> assertThat(r.code()).isEqualTo(ResultCode.OK));
    assertThat(HttpSessions.frameSizes(events)).allSatisfy(n -> assertThat(n).isBetween(1, 2048));
    return HttpSessions.body(events, "HTTPCGET");
  }

  /** AT+HTTPCGET of the path; asserts the connection failure and returns the trace's account of it. */
  private static String getFails(EmulatorSession s, TlsTestServer server) {
    int before = server.requests();
    assertThat(s.exchange("AT+HTTPCGET=\"" + url(server, "/text") + "\"\r\n")).isEqualTo(FAILED);
    assertThat(server.requests()).as("requests that got past the handshake").isEqualTo(before);
    assertThat(s.exchange("AT\r\n")).as("the device stays usable").isEqualTo("\\r\\nOK\\r\\n");
    return lastHttpNote(s);
  }

  private static String lastHttpNote(EmulatorSession s) {
    return s.emulator().trace().events().stream().map(TraceEvent::line).filter(l -> l.contains("HTTP GET https://"))
        .reduce((first, second) -> second).orElseThrow();
  }

  @Test
  @DisplayName("P-26: by default (mode 0) an https GET of a self-signed server succeeds; the frames re-assemble to the served bytes")
  void defaultAcceptsSelfSigned() {
    try (EmulatorSession s = device()) {
      assertThat(get(s, selfSigned, "/text")).isEqualTo(text);
      assertThat(selfSigned.clientSubject()).as("mode 0 shows no client certificate").isEmpty();
    }
  }

  @Test
  @DisplayName("P-26: mode 0, set explicitly, accepts whatever the server shows: self-signed, expired, another name, an unknown CA")
  void modeZeroChecksNothing() {
    try (EmulatorSession s = device()) {
      configure(s, "0");
      for (TlsTestServer server : List.of(selfSigned, expired, otherName, trusted)) {
        assertThat(get(s, server, "/text")).isEqualTo(text);
      }
    }
  }

  @Test
  @DisplayName("P-26: mode 2 with the servers' CA (ca_number 0) succeeds, without a client certificate")
  void modeTwoRightCa() {
    try (EmulatorSession s = device()) {
      configure(s, "2,0,0");
      assertThat(get(s, trusted, "/text")).isEqualTo(text);
      assertThat(trusted.clientSubject()).isEmpty();
    }
  }

  @Test
  @DisplayName("P-26 P-16: mode 2 with another CA (ca_number 1) fails with 0x010a7000; the device goes on, and CA 0 then works")
  void modeTwoWrongCa() {
    try (EmulatorSession s = device()) {
      configure(s, "2,0,1");
      assertThat(getFails(s, trusted)).contains("TLS handshake", "certification path");
      configure(s, "2,0,0");
      assertThat(get(s, trusted, "/text")).isEqualTo(text);
    }
  }

  @Test
  @DisplayName("P-26 P-16: mode 2 refuses a self-signed server with 0x010a7000")
  void modeTwoSelfSigned() {
    try (EmulatorSession s = device()) {
      configure(s, "2,0,0");
      assertThat(getFails(s, selfSigned)).contains("TLS handshake", "certification path");
    }
  }

  @Test
  @DisplayName("P-26 P-16: mode 2 refuses an expired server certificate from the right CA with 0x010a7000")
  void modeTwoExpired() {
    try (EmulatorSession s = device()) {
      configure(s, "2,0,0");
      assertThat(getFails(s, expired)).contains("TLS handshake", "CertificateExpiredException");
    }
  }

  @Test
  @DisplayName("P-26 P-16: mode 2 checks the host name: a valid certificate for other.test, reached as device.test, fails with 0x010a7000")
  void modeTwoNameMismatch() {
    try (EmulatorSession s = device()) {
      configure(s, "2,0,0");
      assertThat(getFails(s, otherName)).contains("TLS handshake", "No subject alternative DNS name matching " + HOST);
    }
  }

  @Test
  @DisplayName("P-26: mode 3 (CA 0, client certificate 0) succeeds against a server requiring a client certificate, which sees the device's subject")
  void mutualTls() {
    try (EmulatorSession s = device()) {
      configure(s, "3,0,0");
      assertThat(get(s, mutual, "/text")).isEqualTo(text);
      assertThat(mutual.clientSubject()).hasValue(client.subject());
    }
  }

  @Test
  @DisplayName("P-26: mode 1 shows the client certificate and checks no server: mutual TLS works with a server no CA is asked about")
  void modeOneClientCertificateOnly() {
    try (EmulatorSession s = device()) {
      configure(s, "1,0");
      assertThat(get(s, mutual, "/text")).isEqualTo(text);
      assertThat(mutual.clientSubject()).hasValue(client.subject());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2,0,0", "0"})
  @DisplayName("P-26 P-16: without a client certificate (mode 2 or 0) a server requiring one refuses the device: 0x010a7000")
  void mutualWithoutClientCertificate(String httpcfg) {
    try (EmulatorSession s = device()) {
      configure(s, httpcfg);
      // TLS 1.3: the device's handshake ends first, then the server's alert arrives.
      assertThat(getFails(s, mutual)).contains("SSLHandshakeException");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2,0,2", "3,0,9", "3,1,0", "1,255"})
  @DisplayName("P-26 P-16: a certificate number the emulator was not given is taken by AT+HTTPCFG, and the request then fails with 0x010a7000")
  void missingCertificateNumber(String httpcfg) {
    try (EmulatorSession s = device()) {
      configure(s, httpcfg);
      assertThat(getFails(s, trusted)).contains("TLS: no ", "certificate", "the emulator was given");
      configure(s, "0");
      assertThat(get(s, trusted, "/text")).isEqualTo(text);
    }
  }

  @Test
  @DisplayName("P-26 P-30: a binary JPEG body over mutual TLS re-assembles byte for byte from its frames")
  void jpegOverTls() {
    try (EmulatorSession s = device()) {
      configure(s, "3,0,0");
      assertThat(get(s, mutual, "/photo.jpg")).isEqualTo(jpeg);
      List<ResponseEvent> events = HttpSessions.events(
          s.host().exchange("AT+HTTPCGET=\"" + url(mutual, "/photo.jpg") + "\",2048,512,5000\r\n"));
      assertThat(HttpSessions.frameSizes(events)).allSatisfy(n -> assertThat(n).isBetween(1, 512));
      assertThat(HttpSessions.body(events, "HTTPCGET")).isEqualTo(jpeg);
    }
  }

  @Test
  @DisplayName("P-26 P-20: AT+HTTPCLIENT with host, path and transport_type 2 fetches https://device.test/ (port 443) under mode 2")
  void httpClientTransportSsl() {
    try (EmulatorSession s = device()) {
      configure(s, "2,0,0");
      List<ResponseEvent> events = HttpSessions.events(s.host().exchange("AT+HTTPCLIENT=2,0,\"\",\"" + HOST + "\",\"/photo.jpg\",2\r\n"));
      assertThat(events.getLast()).isInstanceOfSatisfying(ResponseEvent.FinalResult.class,
          r -> assertThat(r.code()).isEqualTo(ResultCode.OK));
      assertThat(HttpSessions.body(events, "HTTPCLIENT")).isEqualTo(jpeg);
    }
  }
}
