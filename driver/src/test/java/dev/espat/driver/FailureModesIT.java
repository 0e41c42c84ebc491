package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.emulator.trace.TraceEvent;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Busy (P-10), timeouts, garbage, disconnects and close: every wait ends, and says why. */
class FailureModesIT {

  private static final AtCommand JOIN =
      AtCommand.set("+CWJAP", Parameter.string("espressif"), Parameter.string("1234567890"));

  /**
   * P-10, P-51: a join left running by a caller that timed out keeps the device busy; the next
   * caller's command is answered busy p... and retried until the join ends, then succeeds.
   */
  @Test
  void busyIsRetriedUntilTheDeviceIsFree() throws Exception {
    try (EspAtEmulator emu = EspAtEmulator.builder().unpaced().joinDelay(Duration.ofMillis(1500))
            .accessPoint("espressif", "1234567890").start();
         EspAt esp = PortKind.IN_MEMORY.builder(emu).open()) {
      CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> {
        try {
          esp.execute(JOIN, Duration.ofMillis(200));
          return null;
        } catch (AtException e) {
          return e;
        }
      });
      Throwable timedOut = first.get(5, TimeUnit.SECONDS);
      assertThat(timedOut).isInstanceOf(CommandTimeoutException.class)
          .hasMessageContaining("AT+CWJAP=\"espressif\",\"***\"").hasMessageNotContaining("1234567890");
      long start = System.nanoTime();
      Response mode = CompletableFuture.supplyAsync(() -> esp.execute(AtCommand.query("+CWMODE"))).get(20, TimeUnit.SECONDS);
      assertThat(mode.information("CWMODE")).containsExactly("1");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(800));
      assertThat(emu.trace().events()).map(TraceEvent::text).anyMatch(t -> t.contains("busy p..."));
    }
  }

  /** P-10: with one attempt allowed, busy becomes DeviceBusyException. */
  @Test
  void busyBeyondThePolicyFails() throws Exception {
    try (EspAtEmulator emu = EspAtEmulator.builder().unpaced().joinDelay(Duration.ofSeconds(3)).start();
         EspAt esp = PortKind.IN_MEMORY.builder(emu).busyRetry(new BusyRetry(3, Duration.ofMillis(10), Duration.ofMillis(20)))
             .handshake(1, Duration.ofMillis(200)).open()) {
      assertThatThrownBy(() -> esp.execute(JOIN, Duration.ofMillis(100))).isInstanceOf(CommandTimeoutException.class);
      assertThatThrownBy(() -> esp.execute(AtCommand.query("+CWMODE")))
          .isInstanceOfAny(DeviceBusyException.class, ProtocolException.class);
    }
  }

  /** A peer that never answers: the timeout names the command (masked), what came, and how long. */
  @Test
  void timeoutNamesTheCommand() throws Exception {
    try (ScriptedDevice device = new ScriptedDevice(ScriptedDevice.afterHandshake(
            line -> line.startsWith("AT+CWJAP=") ? "WIFI DISCONNECT\r\n" : null));
         EspAt esp = EspAt.open(device.url())) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> esp.execute(JOIN, Duration.ofMillis(300)))
          .isInstanceOfSatisfying(CommandTimeoutException.class, e -> {
            assertThat(e.command()).isEqualTo("AT+CWJAP=\"espressif\",\"***\"");
            assertThat(e.received()).isEqualTo("WIFI DISCONNECT");
            assertThat(e.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(e.getMessage()).contains("within 3", "received so far: WIFI DISCONNECT").doesNotContain("1234567890");
          });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  /** P-05: bytes that are no protocol element before an answer do not break the command after them. */
  @Test
  void garbageBeforeAnAnswer() throws Exception {
    try (EspAtEmulator emu = EspAtEmulator.builder().unpaced().start()) {
      InMemoryConnection c = emu.connect();
      NoisyInput noisy = new NoisyInput(c.input());
      try (EspAt esp = EspAt.builder(Transport.of(noisy, c.output(), c)).open()) {
        noisy.inject(new byte[] {0, (byte) 0xff, 'x', '~', '\r', '\n', (byte) 0x80, '+', 'Q', '\r', '\n'});
        Response r = esp.execute(AtCommand.query("+CWMODE"));
        assertThat(r.information("CWMODE")).containsExactly("1");
        assertThat(r.textLines()).as("the noise, kept as lines of the answer").isNotEmpty();
        // Noise that arrives after an answer: the next caller resynchronises with AT first.
        noisy.injectAfter("\r\nspurious\r\n".getBytes(StandardCharsets.US_ASCII));
        // The noise rides on the read that carries an OK; an OK split across two reads defers it.
        for (int i = 0; i < 20 && noisy.pending(); i++) {
          esp.execute(AtCommand.query("+SYSSTORE"));
        }
        assertThat(noisy.pending()).as("the noise was delivered after an answer").isFalse();
        // The reader decodes the noise just after handing over the answer: give it a moment, or the
        // noise would arrive while the next command runs and simply be part of its answer.
        Thread.sleep(200);
        long before = countAt(emu);
        assertThat(esp.execute(AtCommand.query("+SYSLOG")).information("SYSLOG")).containsExactly("1");
        assertThat(countAt(emu)).as("one AT sent to resynchronise").isEqualTo(before + 1);
      }
    }
  }

  private static long countAt(EspAtEmulator emu) {
    return emu.trace().events().stream()
        .filter(e -> e.direction() == TraceEvent.Direction.IN && e.text().equals("AT\\r\\n")).count();
  }

  /** The transport ends mid-command: the waiter fails at once, so do later commands. */
  @Test
  void disconnectMidCommand() throws Exception {
    EspAtEmulator emu = EspAtEmulator.builder().unpaced().tcp("127.0.0.1", 0).joinDelay(Duration.ofSeconds(30)).start();
    try (EspAt esp = PortKind.TCP.builder(emu).open()) {
      CompletableFuture<Response> join = CompletableFuture.supplyAsync(() -> esp.execute(JOIN, Duration.ofSeconds(60)));
      Thread.sleep(200);
      long start = System.nanoTime();
      emu.close();
      assertThatThrownBy(() -> join.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ChannelClosedException.class)
          .hasMessageContaining("AT+CWJAP=\"espressif\",\"***\"");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThatThrownBy(() -> esp.execute(AtCommand.execute(""))).isInstanceOf(ChannelClosedException.class);
    } finally {
      emu.close();
    }
  }

  /** Closing the driver fails the command in flight and the callers queued behind it, promptly. */
  @Test
  void closeFailsWaiters() throws Exception {
    try (EspAtEmulator emu = EspAtEmulator.builder().unpaced().joinDelay(Duration.ofSeconds(30)).start()) {
      EspAt esp = PortKind.IN_MEMORY.builder(emu).open();
      CompletableFuture<Response> inFlight = CompletableFuture.supplyAsync(() -> esp.execute(JOIN, Duration.ofSeconds(60)));
      Thread.sleep(100);
      CompletableFuture<Response> queued = CompletableFuture.supplyAsync(() -> esp.execute(AtCommand.execute("")));
      Thread.sleep(100);
      long start = System.nanoTime();
      esp.close();
      assertThatThrownBy(() -> inFlight.get(3, TimeUnit.SECONDS)).cause().isInstanceOf(ChannelClosedException.class);
      assertThatThrownBy(() -> queued.get(3, TimeUnit.SECONDS)).cause().isInstanceOf(ChannelClosedException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  /** A peer that hangs up in the middle of a command. */
  @Test
  void peerHangsUp() throws Exception {
    try (ScriptedDevice device = new ScriptedDevice(ScriptedDevice.afterHandshake(
            line -> line.equals("AT+CWMODE?") ? ScriptedDevice.HANG_UP : null));
         EspAt esp = EspAt.open(device.url())) {
      assertThatThrownBy(() -> esp.execute(AtCommand.query("+CWMODE"), Duration.ofSeconds(30)))
          .isInstanceOf(ChannelClosedException.class).hasMessageContaining("ended");
    }
  }

  private static boolean endsWithOk(byte[] b, int off, int n) {
    return n >= 4 && new String(b, off + n - 4, 4, StandardCharsets.US_ASCII).equals("OK\r\n");
  }

  /** An input stream into which a test slips bytes ahead of what the device writes. */
  static final class NoisyInput extends InputStream {
    private final InputStream device;
    private volatile byte[] noise;
    private volatile boolean after;

    NoisyInput(InputStream device) {
      this.device = device;
    }

    void inject(byte[] bytes) {
      after = false;
      noise = bytes;
    }

    /** Noise right after the next final OK the device writes, in the same read. */
    void injectAfter(byte[] bytes) {
      after = true;
      noise = bytes;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    boolean pending() {
      return noise != null;
    }

    /** Noise goes in front of the next bytes the device writes: garbage before an answer. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = device.read(b, off, len);
      byte[] prefix = noise;
      if (n < 0 || prefix == null || prefix.length + n > len || after && !endsWithOk(b, off, n)) {
        return n;
      }
      noise = null;
      if (after) {
        System.arraycopy(prefix, 0, b, off + n, prefix.length);
        return prefix.length + n;
      }
      System.arraycopy(b, off, b, off + prefix.length, n);
      System.arraycopy(prefix, 0, b, off, prefix.length);
      return prefix.length + n;
    }
  }
}
