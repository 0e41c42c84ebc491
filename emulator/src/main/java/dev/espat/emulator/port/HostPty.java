package dev.espat.emulator.port;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A virtual serial port with no device behind it: a program (picocom, a firmware's host build)
 * opens the stable link as it would {@code /dev/ttyUSB0}, and this side reads what it sends and
 * writes what it should receive. {@code esp-at record} puts one in front of a real device to
 * watch a session pass through.
 *
 * <pre>{@code
 * try (HostPty pty = HostPty.open(Path.of("/tmp/ttyESPrecord"))) {
 *   byte[] buffer = new byte[4096];
 *   int n = pty.read(buffer, 100);     // > 0: bytes; 0: nothing yet; -1: no host holds it
 *   pty.write("\r\nOK\r\n".getBytes(US_ASCII));
 * }
 * }</pre>
 *
 * <p>Like {@link PtyPort}, and like a UART (P-52): what is written while no host holds the port
 * is dropped, and when a host leaves, what it had not read is discarded before the next one comes.
 */
public final class HostPty implements AutoCloseable {
  /** How long {@link #read} sleeps when nobody holds the port: a pty cannot be waited on for that. */
  private static final Duration HOST_CHECK = PtyPort.HOST_CHECK;

  private final Pty pty;
  private final PtySymlink symlink;
  private volatile boolean hadHost;

  private HostPty(Pty pty, PtySymlink symlink) {
    this.pty = pty;
    this.symlink = symlink;
  }

  /**
   * Opens a pty and points {@code symlink} at it.
   *
   * @throws IOException naming the link when another running emulator or recorder holds it, it is
   *     not a symbolic link, or this system has no ptys
   */
  public static HostPty open(Path symlink) throws IOException {
    if (!Posix.supported()) {
      throw new IOException("ptys need Linux or macOS");
    }
    PtySymlink link = PtySymlink.claim(symlink);
    Pty pty = null;
    try {
      pty = Pty.open();
      link.pointTo(pty.slavePath());
      return new HostPty(pty, link);
    } catch (IOException | RuntimeException e) {
      if (pty != null) {
        pty.close();
      }
      link.close();
      throw e;
    }
  }

  /** The stable link hosts open. */
  public Path symlink() {
    return symlink.path();
  }

  /** The terminal behind the link, such as {@code /dev/pts/3}. */
  public Path slavePath() {
    return Path.of(pty.slavePath());
  }

  /**
   * Reads what the host sent, waiting up to {@code timeoutMillis}.
   *
   * @return the byte count (at the start of {@code buffer}), 0 when the host sent nothing, -1 when
   *     no host holds the port
   */
  public int read(byte[] buffer, int timeoutMillis) throws IOException, InterruptedException {
    if (hadHost) {
      pty.awaitReadable(timeoutMillis);
    }
    switch (pty.read(buffer)) {
      case Pty.Data d -> {
        hadHost = true;
        return d.count();
      }
      case Pty.Quiet q -> {
        hadHost = true;
        return 0;
      }
      case Pty.NoHost n -> {
        if (hadHost) {
          hadHost = false;
          pty.scrub(); // P-52: nothing left over for the next host
        }
        Thread.sleep(Math.min(timeoutMillis, HOST_CHECK.toMillis()));
        return -1;
      }
    }
  }

  /** Writes to the host, waiting while it does not read; dropped when no host holds the port. */
  public void write(byte[] bytes) throws IOException, InterruptedException {
    int offset = 0;
    while (offset < bytes.length) {
      if (pty.nobodyHolds()) {
        return;
      }
      int n = pty.write(bytes, offset, bytes.length - offset);
      offset += n;
      if (n == 0) {
        pty.awaitWritable(PtyPort.WAIT_MILLIS);
      }
    }
  }

  /** Closes the pty and removes the link. */
  @Override
  public void close() {
    pty.close();
    symlink.close();
  }
}
