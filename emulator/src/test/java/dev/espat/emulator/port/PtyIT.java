package dev.espat.emulator.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.espat.grammar.Bytes;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the pty does on its own, the facts {@link Pty} and {@link PtyPort} are built on. */
class PtyIT {

  @BeforeAll
  static void needPtys() {
    assumeTrue(Posix.supported(), "ptys need Linux or macOS; this is " + System.getProperty("os.name"));
  }

  @Test
  @DisplayName("a new pair has nobody on the slave, and sees a host come and go")
  void hostComesAndGoes() throws Exception {
    try (Pty pty = Pty.open()) {
      byte[] buffer = new byte[64];
      assertThat(pty.read(buffer)).isInstanceOf(Pty.NoHost.class);
      assertThat(pty.nobodyHolds()).isTrue();
      try (TtyHost host = TtyHost.open(Path.of(pty.slavePath()))) {
        assertThat(pty.read(buffer)).isInstanceOf(Pty.Quiet.class);
        assertThat(pty.nobodyHolds()).isFalse();
        host.output().write(Bytes.of("AT\r\n"));
        pty.awaitReadable(1000);
        assertThat(pty.read(buffer)).isEqualTo(new Pty.Data(4));
      }
      assertThat(pty.read(buffer)).isInstanceOf(Pty.NoHost.class);
    }
  }

  @Test
  @DisplayName("P-52: bytes written while nobody holds the slave wait there for the next opener, until scrubbed")
  void scrubDiscardsLeftovers() throws Exception {
    try (Pty pty = Pty.open()) {
      Path slave = Path.of(pty.slavePath());
      pty.write(Bytes.of("\r\nready\r\n"), 0, 9);
      try (TtyHost host = TtyHost.open(slave)) {
        assertThat(host.rawHost().drainFor(java.time.Duration.ofMillis(200)))
            .as("what a pty does by itself: the stale bytes are handed over").isEqualTo(Bytes.of("\r\nready\r\n"));
      }
      pty.write(Bytes.of("\r\nready\r\n"), 0, 9);
      assertThat(pty.scrub()).isEqualTo(Pty.Scrub.DONE);
      try (TtyHost host = TtyHost.open(slave)) {
        assertThat(host.rawHost().drainFor(java.time.Duration.ofMillis(200))).isEmpty();
      }
    }
  }
}
