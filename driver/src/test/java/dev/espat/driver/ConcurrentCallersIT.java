package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.grammar.AtCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * P-10: the device runs one command at a time, so the driver queues callers. 8 threads x 50
 * commands of three kinds all succeed, and each answer holds exactly its own command's lines.
 */
class ConcurrentCallersIT {
  private static final int THREADS = 8;
  private static final int COMMANDS = 50;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortKind.class, names = {"IN_MEMORY", "TCP"})
  void eightThreadsFiftyCommandsEach(PortKind kind) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (EspAtEmulator emu = kind.configure(EspAtEmulator.builder().unpaced(), dir).start();
         EspAt esp = kind.builder(emu).open()) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < COMMANDS; i++) {
            check(esp, (thread + i) % 3);
          }
          return COMMANDS;
        }));
      }
      int done = 0;
      for (Future<Integer> f : results) {
        done += f.get(60, TimeUnit.SECONDS);
      }
      assertThat(done).isEqualTo(THREADS * COMMANDS);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void check(EspAt esp, int which) {
    switch (which) {
      case 0 -> {
        Response r = esp.execute(AtCommand.query("+CWMODE"));
        assertThat(r.events()).hasSize(1);
        assertThat(r.information("CWMODE")).containsExactly("1");
      }
      case 1 -> {
        Response r = esp.execute(AtCommand.query("+SYSLOG"));
        assertThat(r.events()).hasSize(1);
        assertThat(r.information("SYSLOG")).containsExactly("1");
      }
      default -> {
        Response r = esp.execute(AtCommand.execute("+GMR"));
        assertThat(r.textLines()).hasSize(4).first().asString().startsWith("AT version:");
        assertThat(r.events()).hasSize(4);
      }
    }
  }
}
