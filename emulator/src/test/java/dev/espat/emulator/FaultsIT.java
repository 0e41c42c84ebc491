package dev.espat.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.espat.emulator.command.WifiStatus;
import dev.espat.emulator.fault.Fault;
import dev.espat.emulator.fault.InjectedFault;
import dev.espat.grammar.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every fault of {@link Fault}, injected through {@code EmulatedDevice.faults()} and observed by a
 * host on a real TCP socket, against a real HTTP server (WireMock, or a raw socket server where the
 * test must see the connection itself). Timing checks use lower bounds, or upper bounds far from
 * the expected value: the machine may be slow.
 */
class FaultsIT {
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private static final Duration PATIENCE = RawHost.PATIENCE;

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  /** A host on TCP, echo off, the station joined with the given AT+CWJAP tail (reconn_interval...). */
  private static EmulatorSession joined(EspAtEmulator.Builder builder, String joinTail) {
    EmulatorSession s = EmulatorSession.overTcp(builder);
    assertThat(s.exchange("AT+CWJAP=\"home\",\"pw\"" + joinTail + "\r\n")).endsWith("OK\\r\\n");
    return s;
  }

  private static EmulatorSession joined() {
    return joined(EspAtEmulator.builder(), "");
  }

  private static EmulatorSession syslogJoined(EspAtEmulator.Builder builder) {
    EmulatorSession s = joined(builder, "");
    s.exchange("AT+SYSLOG=1\r\n");
    return s;
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static byte[] body(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  @Test
  @DisplayName("busy: the next N command lines answer busy p... without running (P-10), then commands run again")
  void busy() {
    try (EmulatorSession s = EmulatorSession.overTcp(EspAtEmulator.builder())) {
      InjectedFault f = s.emulator().device().faults().inject(new Fault.Busy(2));
      s.send("AT+CWMODE=2\r\n");
      assertThat(s.readUntilEnd("busy p...\\r\\n", PATIENCE)).isEqualTo("\\r\\nbusy p...\\r\\n");
      assertThat(s.emulator().device().faults().active()).containsExactly(new InjectedFault(f.id(), new Fault.Busy(1)));
      s.send("AT+SYSLOG=1\r\n");
      assertThat(s.readUntilEnd("busy p...\\r\\n", PATIENCE)).isEqualTo("\\r\\nbusy p...\\r\\n");
      assertThat(s.emulator().device().faults().active()).isEmpty();
      assertThat(s.exchange("AT+CWMODE?\r\n")).as("neither line ran").isEqualTo("+CWMODE:1\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.exchange("AT+SYSLOG?\r\n")).isEqualTo("+SYSLOG:0\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("busy with SYSLOG on: ERR CODE:0x010b0000 before busy p..., as for a real busy (P-10)")
  void busyWithSyslog() {
    try (EmulatorSession s = EmulatorSession.overTcp(EspAtEmulator.builder())) {
      s.exchange("AT+SYSLOG=1\r\n");
      s.emulator().device().faults().inject(new Fault.Busy(1));
      s.send("AT\r\n");
      assertThat(s.readUntilEnd("busy p...\\r\\n", PATIENCE)).isEqualTo("ERR CODE:0x010b0000\\r\\n\\r\\nbusy p...\\r\\n");
    }
  }

  @Test
  @DisplayName("port-latency: every write to the host waits; removed, answers come at once")
  void portLatency() {
    try (EmulatorSession s = EmulatorSession.overTcp(EspAtEmulator.builder())) {
      InjectedFault f = s.emulator().device().faults().inject(new Fault.PortLatency(Duration.ofMillis(1000)));
      long start = System.nanoTime();
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(millisSince(start)).isGreaterThanOrEqualTo(950);
      assertThat(s.emulator().device().faults().active()).as("persistent").containsExactly(f);
      assertThat(s.emulator().device().faults().remove(f.id())).isTrue();
      start = System.nanoTime();
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(millisSince(start)).isLessThan(900);
    }
  }

  @Test
  @DisplayName("port-latency: clearing the faults lets a write that waits go out at once")
  void clearingReleasesAWaitingWrite() {
    try (EmulatorSession s = EmulatorSession.overTcp(EspAtEmulator.builder())) {
      s.emulator().device().faults().inject(new Fault.PortLatency(Duration.ofMinutes(5)));
      s.send("AT\r\n");
      assertThat(s.drainFor(Duration.ofMillis(300))).isEmpty();
      s.emulator().device().faults().clear();
      assertThat(s.readResponse()).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("stall-output: nothing reaches the host for the duration; the held bytes then arrive, none lost")
  void stallOutput() {
    try (EmulatorSession s = EmulatorSession.overTcp(EspAtEmulator.builder())) {
      long start = System.nanoTime();
      s.emulator().device().faults().inject(new Fault.StallOutput(Duration.ofMillis(1500)));
      s.send("AT\r\n");
      s.send("AT+CWMODE?\r\n");
      assertThat(s.drainFor(Duration.ofMillis(700))).as("stalled").isEmpty();
      assertThat(s.readUntilEnd("+CWMODE:1\\r\\n\\r\\nOK\\r\\n", PATIENCE)).isEqualTo("\\r\\nOK\\r\\n+CWMODE:1\\r\\n\\r\\nOK\\r\\n");
      assertThat(millisSince(start)).isGreaterThanOrEqualTo(1400);
      assertThat(s.emulator().device().faults().active()).as("a stall ends by itself").isEmpty();
    }
  }

  @Test
  @DisplayName("http-latency: each request waits before it goes out; the fault stays until removed")
  void httpLatency() {
    server.stubFor(get("/hello").willReturn(aResponse().withBody("hello")));
    try (EmulatorSession s = joined()) {
      s.emulator().device().faults().inject(new Fault.HttpLatency(Duration.ofMillis(800)));
      for (int i = 0; i < 2; i++) {
        long start = System.nanoTime();
        assertThat(s.exchange("AT+HTTPCGET=\"" + url("/hello") + "\"\r\n")).isEqualTo("+HTTPCGET:5,hello\\r\\n\\r\\nOK\\r\\n");
        assertThat(millisSince(start)).isGreaterThanOrEqualTo(750);
      }
    }
  }

  @Test
  @DisplayName("http-latency: a reset while the request waits: it is never sent")
  void resetWhileTheRequestWaits() throws Exception {
    server.stubFor(get("/hello").willReturn(aResponse().withBody("hello")));
    try (EmulatorSession s = joined()) {
      s.emulator().device().faults().inject(new Fault.HttpLatency(Duration.ofMillis(800)));
      s.send("AT+HTTPCGET=\"" + url("/hello") + "\"\r\n");
      s.emulator().device().faults().inject(new Fault.Reset());
      // The station joins again by itself after ready: it was stored (AT+CWAUTOCONN).
      assertThat(s.readUntilEnd("WIFI GOT IP\\r\\n", PATIENCE)).startsWith("\\r\\nready\\r\\n");
      Thread.sleep(1200);
      assertThat(server.getAllServeEvents()).isEmpty();
    }
  }

  @Test
  @DisplayName("dns-failure: that host answers 0x010a7000 and gets no request, even through --resolve; other hosts work")
  void dnsFailure() {
    server.stubFor(get("/hello").willReturn(aResponse().withBody("hello")));
    EspAtEmulator.Builder b = EspAtEmulator.builder().resolve("device.example", 80, "127.0.0.1", server.getPort());
    try (EmulatorSession s = syslogJoined(b)) {
      String viaName = "AT+HTTPCGET=\"http://device.example/hello\"\r\n";
      assertThat(s.exchange(viaName)).isEqualTo("+HTTPCGET:5,hello\\r\\n\\r\\nOK\\r\\n");
      InjectedFault f = s.emulator().device().faults().inject(new Fault.DnsFailure("DEVICE.example"));
      assertThat(s.exchange(viaName)).isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(s.exchange(viaName)).as("persistent").isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(server.getAllServeEvents()).hasSize(1);
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/hello") + "\"\r\n")).isEqualTo("+HTTPCGET:5,hello\\r\\n\\r\\nOK\\r\\n");
      s.emulator().device().faults().remove(f.id());
      assertThat(s.exchange(viaName)).isEqualTo("+HTTPCGET:5,hello\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("drop-connection: the server sees its connection closed mid-body; the host gets exactly N bytes, then 0x010a7000")
  void dropConnection() throws Exception {
    try (ServerSocket web = new ServerSocket(0);
         EmulatorSession s = syslogJoined(EspAtEmulator.builder())) {
      CompletableFuture<String> serverSaw = new CompletableFuture<>();
      Thread.ofVirtual().start(() -> {
        try (Socket c = web.accept(); OutputStream out = c.getOutputStream()) {
          c.getInputStream().read(new byte[4096]);
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.write(body(5000));
          out.flush();
          c.setSoTimeout((int) PATIENCE.toMillis());
          serverSaw.complete(c.getInputStream().read() < 0 ? "closed" : "data");
        } catch (java.net.SocketTimeoutException e) {
          serverSaw.complete("still open");
        } catch (IOException e) {
          serverSaw.complete("closed"); // a reset is the other end closing with our bytes unread
        }
      });
      s.emulator().device().faults().inject(new Fault.DropConnectionMidBody(1000));
      s.send("AT+HTTPCGET=\"http://127.0.0.1:" + web.getLocalPort() + "/\"\r\n");
      byte[] answer = s.host().readResponse();
      var events = HttpSessions.events(answer);
      assertThat(HttpSessions.body(events, "HTTPCGET")).isEqualTo(body(1000));
      assertThat(Bytes.show(answer)).endsWith("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(serverSaw.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("closed");
      assertThat(s.emulator().device().faults().active()).as("one-shot").isEmpty();
    }
  }

  @Test
  @DisplayName("truncate-body: the host gets the first N body bytes, then 0x010a7000; the next body is whole")
  void truncateBody() {
    server.stubFor(get("/bytes").willReturn(aResponse().withBody(body(5000))));
    try (EmulatorSession s = syslogJoined(EspAtEmulator.builder())) {
      s.emulator().device().faults().inject(new Fault.TruncateNextBody(3000));
      String get = "AT+HTTPCGET=\"" + url("/bytes") + "\",2048,2048\r\n";
      s.send(get);
      byte[] cut = s.host().readResponse();
      assertThat(HttpSessions.body(HttpSessions.events(cut), "HTTPCGET")).isEqualTo(Arrays.copyOf(body(5000), 3000));
      assertThat(Bytes.show(cut)).endsWith("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      s.send(get);
      byte[] whole = s.host().readResponse();
      assertThat(HttpSessions.body(HttpSessions.events(whole), "HTTPCGET")).isEqualTo(body(5000));
      assertThat(Bytes.show(whole)).endsWith("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("send-fail: the next HTTPCPOST takes its body and answers SEND FAIL without sending; the one after succeeds")
  void sendFail() {
    server.stubFor(post("/post").willReturn(aResponse().withBody("ok")));
    try (EmulatorSession s = syslogJoined(EspAtEmulator.builder())) {
      s.emulator().device().faults().inject(new Fault.SendFailNext());
      String post = "AT+HTTPCPOST=\"" + url("/post") + "\",3\r\n";
      assertThat(s.exchange(post)).isEqualTo("\\r\\nOK\\r\\n\\r\\n>");
      s.send("a=b");
      assertThat(s.readResponse()).isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nSEND FAIL\\r\\n");
      assertThat(server.getAllServeEvents()).isEmpty();
      assertThat(s.exchange(post)).isEqualTo("\\r\\nOK\\r\\n\\r\\n>");
      s.send("a=b");
      assertThat(s.readResponse()).isEqualTo("+HTTPCPOST:2,ok\\r\\n\\r\\nSEND OK\\r\\n");
    }
  }

  @Test
  @DisplayName("send-fail is not used by a GET: it waits for the next HTTPCPOST/HTTPCPUT")
  void sendFailWaitsForAnUpload() {
    server.stubFor(get("/hello").willReturn(aResponse().withBody("hello")));
    try (EmulatorSession s = joined()) {
      s.emulator().device().faults().inject(new Fault.SendFailNext());
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/hello") + "\"\r\n")).isEqualTo("+HTTPCGET:5,hello\\r\\n\\r\\nOK\\r\\n");
      assertThat(s.emulator().device().faults().active()).hasSize(1);
    }
  }

  @Test
  @DisplayName("garbage: the bytes reach the host at once, exactly; the device goes on answering")
  void garbage() {
    byte[] noise = {0, (byte) 0xff, 'x', '\r', '\n', '+', 'Q'};
    try (EmulatorSession s = EmulatorSession.overTcp(EspAtEmulator.builder())) {
      s.emulator().device().faults().inject(new Fault.Garbage(noise));
      assertThat(s.host().readExactly(noise.length, PATIENCE)).isEqualTo(noise);
      assertThat(s.emulator().device().faults().active()).as("immediate: never armed").isEmpty();
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("reset: ready after the boot delay, RAM settings lost (echo is back on); armed faults survive")
  void reset() {
    try (EmulatorSession s = EmulatorSession.overTcp(EspAtEmulator.builder())) {
      s.emulator().device().faults().inject(new Fault.Busy(1));
      s.emulator().device().faults().inject(new Fault.Reset());
      assertThat(s.readUntilEnd("ready\\r\\n", PATIENCE)).isEqualTo("\\r\\nready\\r\\n");
      s.send("AT\r\n");
      assertThat(s.readUntilEnd("busy p...\\r\\n", PATIENCE)).as("echo on again, the busy fault still armed")
          .isEqualTo("AT\\r\\n\\r\\nbusy p...\\r\\n");
      assertThat(s.exchange("AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("wifi-disconnect: WIFI DISCONNECT, no IP (P-43), and the station joins again after its reconn_interval")
  void wifiDisconnectReconnects() {
    server.stubFor(get("/hello").willReturn(aResponse().withBody("hello")));
    try (EmulatorSession s = joined(EspAtEmulator.builder(), ",,,3")) {
      s.exchange("AT+SYSLOG=1\r\n");
      long start = System.nanoTime();
      s.emulator().device().faults().inject(new Fault.WifiDisconnect());
      assertThat(s.readUntilEnd("WIFI DISCONNECT\\r\\n", PATIENCE)).isEqualTo("WIFI DISCONNECT\\r\\n");
      assertThat(s.emulator().device().wifi()).hasValue(new WifiStatus(1, "disconnected", "home", "0.0.0.0"));
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/hello") + "\"\r\n")).isEqualTo("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(s.readUntilEnd("WIFI GOT IP\\r\\n", PATIENCE)).isEqualTo("WIFI CONNECTED\\r\\nWIFI GOT IP\\r\\n");
      assertThat(millisSince(start)).as("reconn_interval 3 s").isGreaterThanOrEqualTo(2900);
      assertThat(s.emulator().device().wifi()).hasValue(new WifiStatus(1, "got-ip", "home", "192.168.1.100"));
      assertThat(s.exchange("AT+HTTPCGET=\"" + url("/hello") + "\"\r\n")).isEqualTo("+HTTPCGET:5,hello\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("wifi-disconnect with reconn_interval 0: the station stays disconnected (AT+CWSTATE? 4)")
  void wifiDisconnectStays() {
    try (EmulatorSession s = joined(EspAtEmulator.builder(), ",,,0")) {
      s.emulator().device().faults().inject(new Fault.WifiDisconnect());
      assertThat(s.readUntilEnd("WIFI DISCONNECT\\r\\n", PATIENCE)).isEqualTo("WIFI DISCONNECT\\r\\n");
      assertThat(s.drainFor(Duration.ofMillis(1500))).isEmpty();
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:4,\"home\"\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("wifi-disconnect during a download: the transfer ends with 0x010a7000, as a dropped connection")
  void wifiDisconnectMidDownload() {
    server.stubFor(get("/slow").willReturn(aResponse().withBody(body(20_000)).withChunkedDribbleDelay(20, 4000)));
    try (EmulatorSession s = joined(EspAtEmulator.builder(), ",,,0")) {
      s.exchange("AT+SYSLOG=1\r\n");
      s.send("AT+HTTPCGET=\"" + url("/slow") + "\"\r\n");
      String first = Bytes.show(s.host().readUntil(b -> Bytes.show(b).contains("+HTTPCGET:"), PATIENCE));
      s.emulator().device().faults().inject(new Fault.WifiDisconnect());
      String rest = first + s.readUntilEnd("ERROR\\r\\n", PATIENCE);
      assertThat(rest).contains("WIFI DISCONNECT\\r\\n").endsWith("ERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("wifi-disconnect while a request waits out its http-latency: it is never sent, 0x010a7000")
  void wifiDisconnectDuringHttpLatency() throws Exception {
    server.stubFor(get("/hello").willReturn(aResponse().withBody("hello")));
    try (EmulatorSession s = joined(EspAtEmulator.builder(), ",,,0")) {
      s.exchange("AT+SYSLOG=1\r\n");
      s.emulator().device().faults().inject(new Fault.HttpLatency(Duration.ofMillis(800)));
      s.send("AT+HTTPCGET=\"" + url("/hello") + "\"\r\n");
      s.emulator().device().faults().inject(new Fault.WifiDisconnect());
      assertThat(s.readUntilEnd("ERROR\\r\\n", PATIENCE))
          .isEqualTo("WIFI DISCONNECT\\r\\nERR CODE:0x010a7000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(server.getAllServeEvents()).isEmpty();
    }
  }

  @Test
  @DisplayName("every injection and use is in the trace, garbage shown escaped")
  void traced() {
    try (EmulatorSession s = EmulatorSession.overTcp(EspAtEmulator.builder())) {
      s.emulator().device().faults().inject(new Fault.Busy(1));
      s.send("AT\r\n");
      s.readUntilEnd("busy p...\\r\\n", PATIENCE);
      s.emulator().device().faults().inject(new Fault.Garbage(new byte[] {0, 'z'}));
      s.host().readExactly(2, PATIENCE);
      assertThat(s.emulator().trace().events()).map(e -> e.text())
          .anySatisfy(t -> assertThat(t).startsWith("fault busy (id 1): injected"))
          .anySatisfy(t -> assertThat(t).startsWith("fault busy (id 1): this line is answered busy p..."))
          .anySatisfy(t -> assertThat(t).isEqualTo("fault garbage (id 2): injected: \\x00z"));
    }
  }
}
