package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.espat.driver.http.HttpRequest;
import dev.espat.driver.http.HttpResponse;
import dev.espat.driver.http.HttpStatus;
import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.trace.TraceEvent;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.Parameter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTP requests when things go wrong underneath: a busy device, a reset, garbage, a cut, a stall,
 * lost bytes. Real peers throughout: the emulator on TCP (or a pty), {@link FaultyLink} in between
 * where a fault is needed, {@link TestWebServer} as the web server. Each request either succeeds
 * with the exact body or throws the exception docs/driver.md documents for the case, within its
 * timeout plus a margin; a body is never returned cut short as a success; nothing hangs
 * ({@link #NEVER_HANGS} bounds every test).
 */
class HttpFaultsIT {
  private static final String AP = "espressif";
  private static final String PASSWORD = "1234567890";
  private static final AtCommand JOIN = AtCommand.set("+CWJAP", Parameter.string(AP), Parameter.string(PASSWORD));

  /** Far beyond any timeout a test sets: a test that takes this long hangs. */
  private static final Duration NEVER_HANGS = Duration.ofMinutes(2);

  /** What a failure may take beyond the timeout that caused it, on a loaded two-core machine. */
  private static final Duration MARGIN = Duration.ofSeconds(10);

  private static final byte[] GARBAGE = {0, (byte) 0xff, 'x', '~', '\r', '\n', (byte) 0x80, '+', 'Q', '\r', '\n'};

  private static TestWebServer web;

  @TempDir Path dir;

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

  private static InetSocketAddress tcp(EspAtEmulator emu) {
    return emu.device().tcpAddress().orElseThrow();
  }

  private static HttpRequest get(String path, Duration timeout) {
    return HttpRequest.newBuilder(web.uri(path)).timeout(timeout).build();
  }

  private static HttpResponse<byte[]> getBytes(EspAt esp, int n) {
    HttpResponse<byte[]> r = esp.http().send(get("/bytes/" + n, Duration.ofSeconds(30)));
    assertThat(r.status()).isEqualTo(new HttpStatus.Succeeded());
    assertThat(r.body()).as("the %d-byte body, byte for byte", n).isEqualTo(TestWebServer.bytes(n));
    return r;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /**
   * Sends {@code request}; it must fail with an {@link AtException}, or succeed with exactly the
   * body the server sent: never a corrupted or truncated body reported as success.
   */
  private static Throwable failsOrIsExact(EspAt esp, HttpRequest request, byte[] expected) {
    AtomicReference<HttpResponse<byte[]>> r = new AtomicReference<>();
    Throwable t = catchThrowable(() -> r.set(esp.http().send(request)));
    if (t == null) {
      assertThat(r.get().status()).isEqualTo(new HttpStatus.Succeeded());
      assertThat(r.get().bodyLength()).as("length of a body returned as a success").isEqualTo(expected.length);
      assertThat(r.get().body()).as("a body returned as a success is byte-exact").isEqualTo(expected);
    } else {
      assertThat(t).as("a failure is one of the driver's documented exceptions").isInstanceOf(AtException.class);
    }
    return t;
  }

  @Test
  @DisplayName("P-10: six threads of GETs and AT commands at once on one device: one command in flight at a time, every body exact")
  void concurrentStorm() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().start(); EspAt esp = EspAt.open(PortKind.TCP.url(emu))) {
        esp.wifi().join(AP, PASSWORD);
        storm(esp, 6, 10, () -> { });
        getBytes(esp, 4321);
      }
    });
  }

  /**
   * P-10: the storm again, while a seventh thread leaves joins running on the device (its caller
   * gives up after 100 ms, the join takes 400 ms), so that the others meet {@code busy p...} and
   * are retried. (The driver itself never makes the device busy: it keeps one command in flight.)
   *
   * <p>Disabled: failed 5 of 30 runs here (driver bug, see {@link #staleAnswerStillFlowing}): the
   * abandoned join's final {@code OK} is taken as the answer of the resynchronising {@code AT} (or
   * of a busy command resent just before the join ended), and the {@code OK} that answers that
   * {@code AT} is then taken as the final result of the next command: {@code AT+CWMODE?} returns
   * with no {@code +CWMODE} line, a GET with an empty body.
   */
  @Test

  @DisplayName("P-10: the storm while timed-out joins keep the device busy: all succeed, bodies exact")
  void busyStorm() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().joinDelay(Duration.ofMillis(400)).start();
           EspAt esp = EspAt.open(PortKind.TCP.url(emu))) {
        esp.wifi().join(AP, PASSWORD);
        storm(esp, 6, 8, () -> {
          for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> esp.execute(JOIN, Duration.ofMillis(100))).isInstanceOf(CommandTimeoutException.class);
            Thread.sleep(250);
          }
        });
        assertThat(emu.trace().events()).map(TraceEvent::text).as("the device did answer busy")
            .anyMatch(t -> t.contains("busy p..."));
        getBytes(esp, 4321);
      }
    });
  }

  /** A spoiler step that may throw. */
  @FunctionalInterface
  private interface Spoiler {
    void run() throws Exception;
  }

  /** {@code threads} callers, each alternating GETs of distinct sizes and AT+CWMODE?, next to a spoiler thread. */
  private static void storm(EspAt esp, int threads, int each, Spoiler spoiler) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      List<Future<Integer>> callers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        callers.add(pool.submit(() -> {
          int done = 0;
          for (int i = 0; i < each; i++) {
            if ((i + thread) % 2 == 0) {
              getBytes(esp, 1000 + 3000 * thread + 517 * i);
            } else {
              assertThat(esp.execute(AtCommand.query("+CWMODE")).information("CWMODE")).containsExactly("1");
            }
            done++;
          }
          return done;
        }));
      }
      Future<?> spoiling = pool.submit(() -> {
        spoiler.run();
        return null;
      });
      for (Future<Integer> f : callers) {
        assertThat(f.get()).isEqualTo(each);
      }
      spoiling.get();
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"TCP", "PTY"})
  @DisplayName("P-40: a reset in the middle of a download at 115200 baud: DeviceResetException at once; the next request handshakes again and succeeds")
  void resetMidDownload(PortKind kind) {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      // Paced at 115200 baud: the UART, not the network, is the bottleneck, as on a board.
      EspAtEmulator.Builder b = EspAtEmulator.builder().accessPoint(AP, PASSWORD);
      try (EspAtEmulator emu = kind.configure(b, dir).start(); EspAt esp = kind.builder(emu).open()) {
        esp.wifi().join(AP, PASSWORD);
        CompletableFuture<HttpResponse<byte[]>> download = CompletableFuture.supplyAsync(
            () -> esp.http().send(get("/slow/300000", Duration.ofSeconds(60))));
        awaitFramesOut(emu, "+HTTPCGET:", 3);
        long start = System.nanoTime();
        emu.device().reset();
        assertThatThrownBy(() -> download.get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class).cause()
            .isInstanceOf(DeviceResetException.class)
            .hasMessageContaining("AT+HTTPCGET").hasMessageNotContaining("received before: nothing");
        assertThat(since(start)).as("the reset is reported when ready arrives, not at the timeout").isLessThan(MARGIN);

        // A board auto-joins the network it joined before (stored in flash); so does the emulator.
        awaitIp(esp);
        getBytes(esp, 5000);
        assertThat(esp.execute(AtCommand.query("+SYSLOG")).information("SYSLOG"))
            .as("AT+SYSLOG=1 sent again by the new handshake (the reset lost it)").containsExactly("1");
      }
    });
  }

  /** Waits until the device has written {@code count} body frames (its trace shows them). */
  private static void awaitFramesOut(EspAtEmulator emu, String prefix, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (emu.trace().events().stream()
        .filter(e -> e.direction() == TraceEvent.Direction.OUT && e.text().startsWith(prefix)).count() < count) {
      assertThat(System.nanoTime()).as("%d frames %s within 30 s", count, prefix).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Waits until the device has written a final result after the last {@code command} it received. */
  private static void awaitFinalResultOut(EspAtEmulator emu, String command) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<TraceEvent> events = emu.trace().events();
      int sent = -1;
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).direction() == TraceEvent.Direction.IN && events.get(i).text().startsWith(command)) {
          sent = i;
        }
      }
      if (sent >= 0 && events.subList(sent, events.size()).stream().anyMatch(e -> e.direction() == TraceEvent.Direction.OUT
          && (e.text().endsWith("OK\\r\\n") || e.text().endsWith("ERROR\\r\\n")))) {
        return;
      }
      assertThat(System.nanoTime()).as("%s ended on the device within 20 s", command).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static void awaitIp(EspAt esp) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!esp.wifi().status().hasIp()) {
      assertThat(System.nanoTime()).as("the station has an IP again within 20 s").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @Test
  @DisplayName("P-05: garbage between two requests: the next caller resynchronises with AT and gets its body exactly")
  void garbageBetweenRequests() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().start();
           FaultyLink link = new FaultyLink(tcp(emu));
           EspAt esp = EspAt.open(link.url())) {
        esp.wifi().join(AP, PASSWORD);
        getBytes(esp, 10_000);
        link.injectToHost(GARBAGE);
        link.injectToHost("\r\n+HTTPCGET:3,abc\r\n\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(200); // the reader has seen it all before the next command
        getBytes(esp, 20_000);
        getBytes(esp, 30_000);
      }
    });
  }

  /**
   * P-30: garbage injected inside a body frame. The decoder reads the frame by length (garbage
   * included), finds no CR LF after it and drops it (MalformedResponseException); the rest of
   * the real frame becomes a text line; the download ends with OK.
   *
   * <p>Disabled: driver bug, deterministic. The request returns {@code Succeeded} with a body 2048
   * bytes short (197 952 of 200 000 bytes): {@code CommandChannel.drain()} (internal/CommandChannel.java,
   * the {@code catch (AtGrammarException garbage)} block) only notes the dropped frame with
   * {@code ex.problem(...)} and sets {@code needsResync}; {@code Attempts.await} (internal/Attempts.java,
   * {@code case Exchange.Final}) returns the response as a success regardless, and the body
   * handler has received only the frames that survived. An exchange that lost a frame should fail
   * (a {@link ProtocolException} naming the dropped frame, say).
   */
  @Test

  @DisplayName("P-30: garbage injected inside a body frame: a documented AtException, never a corrupted body as success; the next request succeeds")
  void garbageMidDownload() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().start();
           FaultyLink link = new FaultyLink(tcp(emu));
           EspAt esp = EspAt.open(link.url())) {
        esp.wifi().join(AP, PASSWORD);
        link.injectToHost(50_000, GARBAGE);
        long start = System.nanoTime();
        Throwable t = failsOrIsExact(esp, get("/bytes/200000", Duration.ofSeconds(20)), TestWebServer.bytes(200_000));
        assertThat(since(start)).isLessThan(Duration.ofSeconds(20).plus(MARGIN));
        assertThat(t).as("bytes were lost inside a frame: the request cannot have succeeded").isNotNull();
        getBytes(esp, 200_000);
      }
    });
  }

  @Test
  @DisplayName("P-05 P-40: a fake ready between two frames of a slow download: DeviceResetException at once; the driver handshakes again and the next request succeeds")
  void fakeReadyMidDownload() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().start();
           FaultyLink link = new FaultyLink(tcp(emu));
           EspAt esp = EspAt.open(link.url())) {
        esp.wifi().join(AP, PASSWORD);
        long before = link.deviceBytes();
        CompletableFuture<Throwable> download = CompletableFuture.supplyAsync(
            () -> failsOrIsExact(esp, get("/slow/100000", Duration.ofSeconds(30)), TestWebServer.bytes(100_000)));
        assertThat(link.awaitDeviceBytes(before + 20_000, Duration.ofSeconds(20))).isTrue();
        // The download trickles in 2 KiB every 20 ms: now is almost surely between two frames.
        link.injectToHost("\r\nready\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(download.get(30 + MARGIN.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(DeviceResetException.class)
            .hasMessageContaining("AT+HTTPCGET");
        // The device never restarted: it finishes the download. Its late OK, met while the new
        // handshake is being retried past busy p..., can shift answers by one (the bug of
        // staleAnswerStillFlowing), so the next request waits for the download to end.
        awaitFinalResultOut(emu, "AT+HTTPCGET");
        getBytes(esp, 30_000);
        assertThat(esp.execute(AtCommand.query("+SYSLOG")).information("SYSLOG")).containsExactly("1");
      }
    });
  }

  @Test
  @DisplayName("the connection is cut in the middle of a download: ChannelClosedException at once, not at the timeout; so are later commands; reconnecting works")
  void disconnectMidDownload() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().start(); FaultyLink link = new FaultyLink(tcp(emu))) {
        try (EspAt esp = EspAt.open(link.url())) {
          esp.wifi().join(AP, PASSWORD);
          link.cutAfter(50_000);
          long start = System.nanoTime();
          assertThatThrownBy(() -> esp.http().send(get("/bytes/200000", Duration.ofSeconds(60))))
              .isInstanceOf(ChannelClosedException.class).hasMessageContaining("AT+HTTPCGET");
          assertThat(since(start)).as("far less than the 60 s timeout").isLessThan(MARGIN);
          start = System.nanoTime();
          assertThatThrownBy(() -> esp.http().send(get("/bytes/100", Duration.ofSeconds(60))))
              .isInstanceOf(ChannelClosedException.class);
          assertThat(since(start)).isLessThan(MARGIN);
        }
        // Let the device end the download the host abandoned: a host that connects while it still
        // runs gets that download's late OK, which shifts the new handshake's answers by one
        // (AT+GMR "printed no 'AT version:' line"; the bug of staleAnswerStillFlowing).
        awaitFinalResultOut(emu, "AT+HTTPCGET");
        try (EspAt again = EspAt.open(link.url())) {
          awaitIp(again); // the device kept its Wi-Fi while the host was away
          getBytes(again, 200_000);
        }
      }
    });
  }

  @Test
  @DisplayName("a device that stops answering mid-download: CommandTimeoutException naming the command and the time, within the timeout plus a margin; afterwards the driver resynchronises")
  void stalledDevice() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().start();
           FaultyLink link = new FaultyLink(tcp(emu));
           EspAt esp = EspAt.open(link.url())) {
        esp.wifi().join(AP, PASSWORD);
        link.stallAfter(50_000);
        Duration timeout = Duration.ofSeconds(3);
        long start = System.nanoTime();
        assertThatThrownBy(() -> esp.http().send(get("/bytes/200000", timeout)))
            .isInstanceOfSatisfying(CommandTimeoutException.class, e -> {
              assertThat(e.command()).startsWith("AT+HTTPCGET=\"" + web.uri("/bytes/200000"));
              assertThat(e.elapsed()).isGreaterThanOrEqualTo(timeout);
              assertThat(e.received()).as("part of the body came before the stall").isNotEmpty();
            })
            .hasMessageContaining("AT+HTTPCGET").hasMessageMatching("(?s).*within \\d+ ms.*");
        assertThat(since(start)).isLessThan(timeout.plus(MARGIN));

        long stalledAt = link.deviceBytes();
        link.resume();
        awaitQuiet(link, stalledAt);
        getBytes(esp, 100_000);
      }
    });
  }

  /** Waits until the device's output has stopped flowing (the rest of an abandoned answer drained). */
  private static void awaitQuiet(FaultyLink link, long from) throws InterruptedException {
    long last = from;
    do {
      last = link.deviceBytes();
      Thread.sleep(300);
    } while (link.deviceBytes() != last);
  }

  /**
   * P-10: the answer of a timed-out download is still arriving (a stalled link resumes) when the
   * next request starts.
   *
   * <p>Disabled: driver bug, racy (failed 17 of 60 runs here). The next caller resynchronises
   * with {@code AT} ({@code Attempts.resync}, internal/Attempts.java); the old download's frames
   * and final {@code OK} arrive first and that stale {@code OK} is taken as the answer to
   * {@code AT}. The real {@code OK} to {@code AT} comes right behind it; when it is read after the
   * next command was sent, {@code CommandChannel.route} (internal/CommandChannel.java,
   * {@code case FinalResult}) gives it to that command: the GET returns {@code Succeeded} with an
   * empty body, and that GET's own frames and {@code OK} are then dropped as output of no
   * command, silently ({@code route} drops a {@code FinalResult} nobody waits for without setting
   * {@code needsResync}, although docs/driver.md says stray output triggers a resync). The same
   * shift breaks {@link #busyStorm}. A fix needs the channel to account for answers it still owes
   * (every line sent gets exactly one final result or one {@code busy p...}, P-10), or a resync
   * that waits for the line to go quiet before it trusts an {@code OK}.
   */
  @Test

  @DisplayName("P-10: the rest of an abandoned download still flowing when the next request starts: that request gets its own body, exactly")
  void staleAnswerStillFlowing() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().start();
           FaultyLink link = new FaultyLink(tcp(emu));
           EspAt esp = EspAt.open(link.url())) {
        esp.wifi().join(AP, PASSWORD);
        link.stallAfter(50_000);
        assertThatThrownBy(() -> esp.http().send(get("/bytes/200000", Duration.ofSeconds(2))))
            .isInstanceOf(CommandTimeoutException.class);
        link.resume();
        // No pause: the 150 KB left of the old answer (frames, then OK) arrive while this one starts.
        failsOrIsExact(esp, get("/bytes/7000", Duration.ofSeconds(20)), TestWebServer.bytes(7000));
        awaitQuiet(link, link.deviceBytes());
        getBytes(esp, 9000);
      }
    });
  }

  @Test
  @DisplayName("the host's bytes are lost (a dead TX line): CommandTimeoutException that says nothing came; once the line works the next request succeeds")
  void hostBytesLost() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().start();
           FaultyLink link = new FaultyLink(tcp(emu));
           EspAt esp = EspAt.open(link.url())) {
        esp.wifi().join(AP, PASSWORD);
        link.dropHostBytesAfter(0);
        Duration timeout = Duration.ofSeconds(2);
        long start = System.nanoTime();
        assertThatThrownBy(() -> esp.http().send(get("/bytes/1000", timeout)))
            .isInstanceOfSatisfying(CommandTimeoutException.class, e -> assertThat(e.received()).isEmpty())
            .hasMessageContaining("AT+HTTPCGET").hasMessageContaining("received so far: nothing");
        assertThat(since(start)).isLessThan(timeout.plus(MARGIN));
        assertThat(link.droppedHostBytes()).isPositive();
        link.stopDropping();
        getBytes(esp, 1000);
      }
    });
  }

  @Test
  @DisplayName("P-11 P-13: an upload whose body is lost in data mode: with the emulator's data-mode timeout the device answers SEND FAIL (CommandFailedException) and the next request succeeds")
  void uploadBodyLostWithDataModeTimeout() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().dataModeTimeout(Duration.ofSeconds(1)).start();
           FaultyLink link = new FaultyLink(tcp(emu));
           EspAt esp = EspAt.open(link.url())) {
        esp.wifi().join(AP, PASSWORD);
        byte[] body = TestWebServer.bytes(100_000);
        link.dropHostBytesAfter(2000); // the command line and the start of the body pass
        HttpRequest post = HttpRequest.newBuilder(web.uri("/upload")).method("POST", body)
            .contentType("application/octet-stream").timeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> esp.http().send(post))
            .isInstanceOf(CommandFailedException.class).hasMessageContaining("AT+HTTPCPOST");
        assertThat(since(start)).isLessThan(Duration.ofSeconds(5).plus(MARGIN));
        link.stopDropping();
        getBytes(esp, 3000);
        HttpResponse<byte[]> r = esp.http().send(post);
        assertThat(r.text()).isEqualTo("ok");
      }
    });
  }

  @Test
  @DisplayName("P-11 P-13: an upload whose body is lost, and a device that waits in data mode for ever as the firmware does: the driver gives up with documented exceptions, never hangs")
  void uploadBodyLostForever() {
    assertTimeoutPreemptively(NEVER_HANGS, () -> {
      try (EspAtEmulator emu = emulator().start();
           FaultyLink link = new FaultyLink(tcp(emu));
           EspAt esp = EspAt.builder(link.url()).handshake(3, Duration.ofMillis(300)).open()) {
        esp.wifi().join(AP, PASSWORD);
        link.dropHostBytesAfter(2000);
        HttpRequest post = HttpRequest.newBuilder(web.uri("/upload")).method("POST", TestWebServer.bytes(100_000))
            .timeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> esp.http().send(post)).isInstanceOf(CommandTimeoutException.class);
        assertThat(since(start)).isLessThan(Duration.ofSeconds(2).plus(MARGIN));
        link.stopDropping();
        // The device takes every AT as body bytes (P-11), so resynchronisation cannot succeed.
        start = System.nanoTime();
        assertThatThrownBy(() -> esp.http().send(get("/bytes/100", Duration.ofSeconds(2))))
            .isInstanceOf(ProtocolException.class).hasMessageContaining("did not answer AT with OK");
        assertThat(since(start)).isLessThan(Duration.ofSeconds(1).plus(MARGIN));
      }
    });
  }
}
