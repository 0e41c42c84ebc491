package dev.espat.emulator.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.RawHost;
import dev.espat.grammar.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening and closing pty ports leaves no descriptor, thread, link or lock file behind. */
class PtyPortLeakIT {
  /** Descriptors and threads the JVM may open or start on its own meanwhile. */
  private static final int MARGIN = 2;

  @TempDir
  Path dir;

  private static Path fdDirectory() {
    return Files.isDirectory(Path.of("/proc/self/fd")) ? Path.of("/proc/self/fd") : Path.of("/dev/fd");
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(fdDirectory())) {
      return fds.count();
    }
  }

  private static long liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
  }

  /** One emulator with a pty, one host session on it, then everything closed. */
  private void openUseAndClose(int i) throws Exception {
    try (EspAtEmulator esp = EspAtEmulator.builder().unpaced().bootDelay(Duration.ZERO).pty(dir.resolve("ttyLEAK" + i)).start()) {
      Path link = esp.device().ptyPath().orElseThrow();
      try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
        assertThat(Bytes.show(host.exchange("AT\r\n"))).endsWith("OK\\r\\n");
      }
    }
  }

  @Test
  @DisplayName("10 pty ports created, used and closed: descriptors, threads and files back where they were")
  void noLeaks() throws Exception {
    assumeTrue(PtyPort.isSupported(), "ptys need Linux or macOS; this is " + System.getProperty("os.name"));
    openUseAndClose(100);  // warm-up: JNA's native library and cleaner thread, class loading
    long threadsBefore = liveThreads();
    long fdsBefore = openDescriptors();

    for (int i = 0; i < 10; i++) {
      openUseAndClose(i);
    }

    long deadline = System.nanoTime() + RawHost.PATIENCE.toNanos();
    while ((liveThreads() > threadsBefore + MARGIN || openDescriptors() > fdsBefore + MARGIN)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);  // threads of the last emulator may take a moment to end
    }
    assertThat(liveThreads()).as("live threads").isLessThanOrEqualTo(threadsBefore + MARGIN);
    assertThat(openDescriptors()).as("open descriptors").isLessThanOrEqualTo(fdsBefore + MARGIN);
    assertThat(Thread.getAllStackTraces().keySet()).as("no port or device thread left")
        .noneMatch(t -> t.getName().startsWith("esp-at-"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no link or lock file left").isEmpty();
    }
  }
}
