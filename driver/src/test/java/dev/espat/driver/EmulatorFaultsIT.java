package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.driver.http.HttpConnectionException;
import dev.espat.driver.http.HttpRequest;
import dev.espat.driver.http.HttpResponse;
import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.fault.Fault;
import dev.espat.emulator.trace.TraceEvent;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver against the emulator's own faults ({@code EmulatedDevice.faults()}), over TCP, with
 * {@link TestWebServer} as the web server: what each fault looks like through the driver's API.
 */
class EmulatorFaultsIT {
  private static final String AP = "espressif";
  private static final String PASSWORD = "1234567890";
  private static final AtCommand CWMODE = AtCommand.query("+CWMODE");

  private static TestWebServer web;

  @BeforeAll
  static void startServer() {
    web = TestWebServer.start();
  }

  @AfterAll
  static void stopServer() {
    web.close();
  }

  private static EspAtEmulator.Builder emulator() {
    return EspAtEmulator.builder().unpaced().tcp("127.0.0.1", 0).accessPoint(AP, PASSWORD);
  }

  private static HttpRequest get(int n) {
    return HttpRequest.newBuilder(web.uri("/bytes/" + n)).timeout(Duration.ofSeconds(30)).build();
  }

  private static long busyAnswers(EspAtEmulator emu) {
    return emu.trace().events().stream()
        .filter(e -> e.direction() == TraceEvent.Direction.OUT && e.text().contains("busy p...")).count();
  }

  @Test
  @DisplayName("busy (P-10): the driver retries and the command succeeds")
  void busyIsRetried() {
    try (EspAtEmulator emu = emulator().start(); EspAt esp = EspAt.open(PortKind.TCP.url(emu))) {
      emu.device().faults().inject(new Fault.Busy(3));
      assertThat(esp.execute(CWMODE).information("CWMODE")).containsExactly("1");
      assertThat(busyAnswers(emu)).isEqualTo(3);
      assertThat(emu.device().faults().active()).isEmpty();
    }
  }

  @Test
  @DisplayName("busy beyond the retry policy: DeviceBusyException; cleared, the next command runs")
  void busyBeyondTheRetries() {
    try (EspAtEmulator emu = emulator().start();
         EspAt esp = EspAt.builder(PortKind.TCP.url(emu))
             .busyRetry(new BusyRetry(3, Duration.ofMillis(10), Duration.ofMillis(20))).open()) {
      emu.device().faults().inject(new Fault.Busy(1000));
      assertThatThrownBy(() -> esp.execute(CWMODE)).isInstanceOf(DeviceBusyException.class).hasMessageContaining("3 times");
      emu.device().faults().clear();
      assertThat(esp.execute(CWMODE).information("CWMODE")).containsExactly("1");
    }
  }

  @Test
  @DisplayName("dns-failure: HttpConnectionException with 0x010a7000; removed, the request succeeds")
  void dnsFailure() {
    try (EspAtEmulator emu = emulator().start(); EspAt esp = EspAt.open(PortKind.TCP.url(emu))) {
      esp.wifi().join(AP, PASSWORD);
      var f = emu.device().faults().inject(new Fault.DnsFailure(web.uri("/").getHost()));
      assertThatThrownBy(() -> esp.http().send(get(10))).isInstanceOf(HttpConnectionException.class)
          .satisfies(e -> assertThat(((AtException) e).errorCode()).hasValue(ErrorCode.HTTP_CONNECTION_FAILED));
      emu.device().faults().remove(f.id());
      assertThat(esp.http().send(get(10)).body()).isEqualTo(TestWebServer.bytes(10));
    }
  }

  static Stream<Fault> bodyCuts() {
    return Stream.of(new Fault.TruncateNextBody(3000), new Fault.DropConnectionMidBody(3000));
  }

  @ParameterizedTest
  @MethodSource("bodyCuts")
  @DisplayName("a body cut short is an exception, never a short success; the next request is whole")
  void cutBodies(Fault cut) {
    try (EspAtEmulator emu = emulator().start(); EspAt esp = EspAt.open(PortKind.TCP.url(emu))) {
      esp.wifi().join(AP, PASSWORD);
      emu.device().faults().inject(cut);
      assertThatThrownBy(() -> esp.http().send(get(10_000))).isInstanceOf(HttpConnectionException.class);
      HttpResponse<byte[]> whole = esp.http().send(get(10_000));
      assertThat(whole.body()).isEqualTo(TestWebServer.bytes(10_000));
    }
  }

  @Test
  @DisplayName("garbage while idle: the next command still gets its own answer")
  void garbageWhileIdle() {
    try (EspAtEmulator emu = emulator().start(); EspAt esp = EspAt.open(PortKind.TCP.url(emu))) {
      esp.execute(CWMODE);
      emu.device().faults().inject(new Fault.Garbage("\r\nspurious\r\n\u00ff+QX\r\n".getBytes(StandardCharsets.ISO_8859_1)));
      assertThat(esp.execute(AtCommand.query("+SYSLOG")).information("SYSLOG")).as("the driver turns SYSLOG on").containsExactly("1");
      assertThat(esp.execute(CWMODE).information("CWMODE")).containsExactly("1");
    }
  }

  @Test
  @DisplayName("stall-output longer than a command's timeout: CommandTimeoutException; after the stall, commands work")
  void stallOutput() throws InterruptedException {
    try (EspAtEmulator emu = emulator().start(); EspAt esp = EspAt.open(PortKind.TCP.url(emu))) {
      emu.device().faults().inject(new Fault.StallOutput(Duration.ofMillis(1500)));
      assertThatThrownBy(() -> esp.execute(CWMODE, Duration.ofMillis(400))).isInstanceOf(CommandTimeoutException.class);
      Thread.sleep(1500);
      assertThat(esp.execute(AtCommand.query("+SYSLOG")).information("SYSLOG")).as("the driver turns SYSLOG on").containsExactly("1");
    }
  }
}
