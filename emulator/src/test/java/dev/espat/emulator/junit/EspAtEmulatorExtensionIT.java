package dev.espat.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.sun.net.httpserver.HttpServer;
import dev.espat.emulator.EmulatedDevice;
import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.fault.Fault;
import dev.espat.emulator.fault.Faults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The JUnit 5 extension, run through the real JUnit engine on small test classes: what it starts,
 * what it injects, when it closes, and what it says when used wrongly.
 */
class EspAtEmulatorExtensionIT {

  /**
   * Talks raw AT over the emulator's TCP port, as any host in any language would: one connection
   * (the device takes one host at a time), each line's answer read up to its final result; the
   * answers joined.
   */
  static String at(String portUrl, String... lines) throws IOException {
    URI u = URI.create(portUrl);
    StringBuilder got = new StringBuilder();
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      for (String line : lines) {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder answer = new StringBuilder();
        while (!answer.toString().endsWith("OK\r\n") && !answer.toString().endsWith("ERROR\r\n")) {
          int b = in.read();
          if (b < 0) {
            return got.append(answer).toString();
          }
          answer.append((char) b);
        }
        got.append(answer);
      }
    }
    return got.toString();
  }

  /** Runs the class; a failure inside shows its own message (the statistics alone would not). */
  private static Events run(Class<?> testClass) {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    events.failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .ifPresent(t -> System.err.println(testClass.getSimpleName() + ": " + t.toString().replace('\n', ' '))));
    return events;
  }

  static final Set<String> ports = ConcurrentHashMap.newKeySet();
  static final Set<EspAtEmulator> emulators = ConcurrentHashMap.newKeySet();

  @EspAtEmulatorTest(firmware = "3.1", ssid = "lab", password = "secret123")
  static class PerMethod {
    @Test
    void first(@PortUrl String port, EspAtEmulator emulator, EmulatedDevice device) throws IOException {
      ports.add(port);
      emulators.add(emulator);
      assertThat(device).isSameAs(emulator.device());
      assertThat(at(port, "AT+GMR", "AT+CWJAP=\"lab\",\"wrong-one\"")).contains("AT version:3.1", "+CWJAP:2");
    }

    @Test
    void second(@PortUrl String port, EspAtEmulator emulator) throws IOException {
      ports.add(port);
      emulators.add(emulator);
      assertThat(at(port, "AT")).endsWith("OK\r\n");
    }
  }

  @Test
  void perMethodStartsAFreshEmulatorForEachTestWithTheAnnotationsSettingsAndClosesIt() {
    ports.clear();
    emulators.clear();
    run(PerMethod.class).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(emulators).hasSize(2);
    assertThat(ports).hasSize(2);
    for (String port : ports) {
      URI u = URI.create(port);
      assertThat(u.getHost()).isEqualTo("127.0.0.1");
      // Closed after its test: nothing listens there any more.
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Socket(u.getHost(), u.getPort()).close())
          .isInstanceOf(IOException.class);
    }
  }

  @EspAtEmulatorTest(lifecycle = EspAtEmulatorTest.Lifecycle.PER_CLASS)
  static class PerClass {
    @BeforeAll
    static void before(@PortUrl String port) throws IOException {
      ports.add(port);
      assertThat(at(port, "AT+CWMODE=2")).endsWith("OK\r\n");
    }

    @Test
    void one(@PortUrl String port) throws IOException {
      ports.add(port);
      assertThat(at(port, "AT+CWMODE?")).contains("+CWMODE:2");
    }

    @Test
    void two(@PortUrl String port) throws IOException {
      ports.add(port);
      assertThat(at(port, "AT+CWMODE?")).contains("+CWMODE:2");
    }
  }

  @Test
  void perClassSharesOneEmulatorAcrossTheClassIncludingBeforeAll() {
    ports.clear();
    run(PerClass.class).assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(ports).hasSize(1);
  }

  static class Registered {
    @RegisterExtension
    static EspAtEmulatorExtension esp = EspAtEmulatorExtension.newInstance()
        .configure(b -> b.firmware("2.2").bootDelay(Duration.ZERO));

    @Test
    void usesTheField() throws IOException {
      assertThat(at(esp.portUrl(), "AT+GMR")).contains("AT version:2.2");
      assertThat(esp.device()).isSameAs(esp.emulator().device());
    }
  }

  @Test
  void aRegisteredFieldTakesBuilderSettings() {
    run(Registered.class).assertStatistics(s -> s.started(1).succeeded(1));
  }

  static final List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();

  @EspAtEmulatorTest
  static class Requests {
    @Test
    void recordsWhatTheDeviceSent(@PortUrl String port, RecordedRequests requests) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", x -> {
        x.sendResponseHeaders(200, 2);
        x.getResponseBody().write("ok".getBytes(StandardCharsets.US_ASCII));
        x.close();
      });
      server.start();
      try {
        assertThat(at(port, "AT+CWJAP=\"any\",\"password\"",
            "AT+HTTPCGET=\"http://127.0.0.1:" + server.getAddress().getPort() + "/data?x=1\"")).endsWith("OK\r\n");
        assertThat(requests.take()).hasValueSatisfying(r -> paths.add(r.method() + " " + URI.create(r.url()).getPath()));
        assertThat(requests.takeAll()).isEmpty();
      } finally {
        server.stop(0);
      }
    }
  }

  @Test
  void recordedRequestsAreInjected() {
    paths.clear();
    run(Requests.class).assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(paths).containsExactly("GET /data");
  }

  static final List<String> faultAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();

  @EspAtEmulatorTest
  static class WithFaults {
    @Test
    void theDevicesFaults(@PortUrl String port, Faults faults) throws IOException {
      faults.inject(new Fault.Busy(1));
      // Both lines at once: the helper reads up to OK or ERROR, and busy p... is neither.
      faultAnswers.add(at(port, "AT+CWMODE=2\r\nAT+CWMODE?"));
    }
  }

  @Test
  void faultsAreInjected() {
    faultAnswers.clear();
    run(WithFaults.class).assertStatistics(s -> s.started(1).succeeded(1));
    // The first line is answered busy and not run: the mode stays 1.
    assertThat(faultAnswers).singleElement().asString().contains("\r\nbusy p...\r\n").endsWith("+CWMODE:1\r\n\r\nOK\r\n");
  }

  @EspAtEmulatorTest
  static class WrongPlace {
    @BeforeAll
    static void before(@PortUrl String port) {}

    @Test
    void never() {}
  }

  @Test
  void perMethodEmulatorInBeforeAllIsAClearError() {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(WrongPlace.class)).execute().allEvents();
    events.assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m -> m.contains("PER_METHOD")))));
    assertThat(events.filter(e -> e.getTestDescriptor().isTest()).count()).isZero();
  }

  @EspAtEmulatorTest(firmware = "9.9")
  static class BadFirmware {
    @Test
    void never() {}
  }

  @Test
  void aBadSettingFailsTheTestNamingIt() {
    run(BadFirmware.class).assertThatEvents()
        .haveExactly(1, event(test("never"), finishedWithFailure(message(m -> m.contains("9.9")))));
  }
}
