package dev.espat.bench;

import dev.espat.driver.EspAt;
import dev.espat.driver.Response;
import dev.espat.driver.http.HttpRequest;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.Parameter;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A cross-check of target (a) that JMH cannot make: the raw client and the driver take turns, GET
 * after GET in one JVM, so that the machine's drift (other tenants, JIT, GC) hits both alike, and
 * the driver's time is split in two: {@code execute} (reader thread, decoder, the command's
 * events: what {@code EspAt.execute} returns) and {@code send} (all of {@code http().send}, which
 * also assembles the body). Unpaced; three emulators, one per client. Run with
 * {@code ./benchmark paired [bodyBytes] [getsPerRound] [rounds]}; the first rounds are warm-up.
 */
final class Paired {
  private Paired() {}

  static void run(String[] args) throws IOException {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 8 << 20;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    try (Rig rawRig = Rig.start(size, false); Rig executeRig = Rig.start(size, false); Rig sendRig = Rig.start(size, false);
         Rig.RawConnection raw = rawRig.openRaw(); EspAt executeEsp = executeRig.openDriver(); EspAt sendEsp = sendRig.openDriver()) {
      String line = rawRig.httpcgetLine();
      AtCommand command = AtCommand.set("+HTTPCGET", Parameter.string(executeRig.uri().toString()),
          Parameter.integer(Rig.BUFFER), Parameter.integer(Rig.BUFFER), Parameter.integer(Rig.REQUEST_TIMEOUT.toMillis()));
      HttpRequest request = HttpRequest.newBuilder(sendRig.uri()).timeout(Rig.REQUEST_TIMEOUT).build();
      System.out.printf(Locale.ROOT, "%d-byte GETs, unpaced, %d of each per round, interleaved; medians%n", size, perRound);
      for (int round = 1; round <= rounds; round++) {
        long[] rawNanos = new long[perRound];
        long[] executeNanos = new long[perRound];
        long[] sendNanos = new long[perRound];
        for (int i = 0; i < perRound; i++) {
          long t = System.nanoTime();
          Checks.bodyLength("raw", raw.client().download(line, "HTTPCGET"), size);
          rawNanos[i] = System.nanoTime() - t;
          t = System.nanoTime();
          Response r = executeEsp.execute(command, Rig.REQUEST_TIMEOUT);
          executeNanos[i] = System.nanoTime() - t;
          Checks.bodyLength("execute", r.frames().stream().mapToLong(f -> f.length()).sum(), size);
          t = System.nanoTime();
          Checks.bodyLength("send", sendEsp.http().send(request).bodyLength(), size);
          sendNanos[i] = System.nanoTime() - t;
        }
        double rawMs = median(rawNanos);
        double executeMs = median(executeNanos);
        double sendMs = median(sendNanos);
        System.out.printf(Locale.ROOT,
            "round %d: raw %.1f ms (%.1f MB/s), execute %.1f ms (%.0f%% of raw's rate), send %.1f ms (%.1f MB/s, %.0f%% of raw's rate)%n",
            round, rawMs, size / rawMs / 1e3, executeMs, 100 * rawMs / executeMs, sendMs, size / sendMs / 1e3,
            100 * rawMs / sendMs);
      }
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
