package dev.espat.driver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.emulator.port.PtyPort;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The three ways a test reaches an emulator: in memory (two streams), over TCP
 * ({@code socket://}), and through a pty opened with jSerialComm by the serial transport.
 */
enum PortKind {
  IN_MEMORY,
  TCP,
  PTY;

  /** Adds the port this kind needs; skips the test, saying why, where ptys do not exist. */
  EspAtEmulator.Builder configure(EspAtEmulator.Builder builder, Path dir) {
    return switch (this) {
      case IN_MEMORY -> builder;
      case TCP -> builder.tcp("127.0.0.1", 0);
      case PTY -> {
        assumeTrue(PtyPort.isSupported(), "no ptys on this system (Linux or macOS needed): pty tests skipped");
        yield builder.pty(dir.resolve("ttyESP0"));
      }
    };
  }

  /** The driver's URL for the emulator's port, or null for in-memory (see {@link #open}). */
  String url(EspAtEmulator esp) {
    return switch (this) {
      case IN_MEMORY -> null;
      case TCP -> {
        InetSocketAddress a = esp.device().tcpAddress().orElseThrow();
        yield "socket://" + a.getHostString() + ":" + a.getPort();
      }
      case PTY -> "serial:" + esp.device().ptyPath().orElseThrow() + "?baud=115200";
    };
  }

  /** A builder for a driver on the emulator's port of this kind. */
  EspAtBuilder builder(EspAtEmulator esp) {
    if (this == IN_MEMORY) {
      InMemoryConnection c = esp.connect();
      return EspAt.builder(Transport.of(c.input(), c.output(), c));
    }
    return EspAt.builder(url(esp));
  }
}
