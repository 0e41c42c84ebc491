package dev.espat.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.emulator.trace.Trace;
import dev.espat.emulator.trace.TraceEvent;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The bookkeeping of {@link Faults}: ids, lifetimes, what the hooks use up. No device needed. */
class FaultsTest {
  private final Trace trace = Trace.inMemory();
  private final Faults faults = new Faults("dev0", trace);

  @Test
  void idsCountUpAndActiveListsArmedFaultsOldestFirst() {
    InjectedFault a = faults.inject(new Fault.DnsFailure("a.example"));
    InjectedFault b = faults.inject(new Fault.Busy(2));
    assertThat(b.id()).isEqualTo(a.id() + 1);
    assertThat(faults.active()).containsExactly(a, b);
    assertThat(faults.remove(a.id())).isTrue();
    assertThat(faults.remove(a.id())).as("already gone").isFalse();
    faults.clear();
    assertThat(faults.active()).isEmpty();
  }

  @Test
  void busyCountsDownAndIsUsedUp() {
    faults.inject(new Fault.Busy(2));
    assertThat(faults.deviceHooks().answerBusy()).isTrue();
    assertThat(faults.active()).extracting(InjectedFault::fault).containsExactly(new Fault.Busy(1));
    assertThat(faults.deviceHooks().answerBusy()).isTrue();
    assertThat(faults.deviceHooks().answerBusy()).isFalse();
    assertThat(faults.active()).isEmpty();
  }

  @Test
  void oneShotHttpFaultsAreUsedByOneTransferEach() {
    faults.inject(new Fault.DropConnectionMidBody(10));
    faults.inject(new Fault.TruncateNextBody(20));
    faults.inject(new Fault.SendFailNext());
    assertThat(faults.httpHooks().takeDropAfter()).isEqualTo(OptionalLong.of(10));
    assertThat(faults.httpHooks().takeDropAfter()).isEmpty();
    assertThat(faults.httpHooks().takeTruncateAfter()).isEqualTo(OptionalLong.of(20));
    assertThat(faults.httpHooks().takeSendFail()).isTrue();
    assertThat(faults.httpHooks().takeSendFail()).isFalse();
    assertThat(faults.active()).isEmpty();
  }

  @Test
  void persistentFaultsStayAndLatenciesAddUp() {
    faults.inject(new Fault.HttpLatency(Duration.ofMillis(100)));
    faults.inject(new Fault.HttpLatency(Duration.ofMillis(50)));
    faults.inject(new Fault.DnsFailure("Example.COM"));
    for (int i = 0; i < 2; i++) {
      assertThat(faults.httpHooks().requestLatency()).isEqualTo(Duration.ofMillis(150));
      assertThat(faults.httpHooks().failsToResolve("example.com")).isTrue();
    }
    assertThat(faults.httpHooks().failsToResolve("other.example")).isFalse();
    assertThat(faults.active()).hasSize(3);
  }

  @Test
  void aStallEndsByItself() throws InterruptedException {
    faults.inject(new Fault.StallOutput(Duration.ofMillis(100)));
    assertThat(faults.active()).hasSize(1);
    long start = System.nanoTime();
    faults.deviceHooks().beforeWrite();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    assertThat(faults.active()).isEmpty();
  }

  @Test
  void immediateFaultsNeedTheirDevice() {
    assertThatThrownBy(() -> faults.inject(new Fault.Reset())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no device");
  }

  @Test
  void everyInjectionIsNoted() {
    faults.inject(new Fault.Busy(3));
    assertThat(trace.events()).map(TraceEvent::text)
        .containsExactly("fault busy (id 1): injected: the next 3 command lines answer busy p...");
  }

  @Test
  void badValuesAreRefusedNamingThem() {
    assertThatThrownBy(() -> new Fault.Busy(0)).hasMessage("commands must be 1..10000, got 0");
    assertThatThrownBy(() -> new Fault.PortLatency(Duration.ofMillis(-1))).hasMessage("delay must be 0..600000 ms, got -1 ms");
    assertThatThrownBy(() -> new Fault.StallOutput(Duration.ofHours(1))).hasMessageContaining("duration must be 0..600000 ms");
    assertThatThrownBy(() -> new Fault.TruncateNextBody(-5)).hasMessage("bytes must be 0 or more, got -5");
    assertThatThrownBy(() -> new Fault.DnsFailure(" ")).hasMessageContaining("host must be 1..253 characters");
    assertThatThrownBy(() -> new Fault.Garbage(new byte[0])).hasMessage("garbage must be 1..4096 bytes, got 0");
  }

  @Test
  void garbageIsAValue() {
    byte[] bytes = {1, 2};
    Fault.Garbage g = new Fault.Garbage(bytes);
    bytes[0] = 9;
    assertThat(g).isEqualTo(new Fault.Garbage(new byte[] {1, 2})).hasToString("Garbage[0102]");
    g.bytes()[1] = 7;
    assertThat(g.bytes()).containsExactly(1, 2);
  }
}
