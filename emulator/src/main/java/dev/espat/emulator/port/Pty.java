package dev.espat.emulator.port;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pseudo-terminal pair seen from the master side, the side the emulator holds. The slave is
 * the "serial port" a host opens. Only the master descriptor is kept open: that is what makes a
 * host's arrival and departure visible (below).
 *
 * <p>What was verified on Linux (6.x) by experiment, and what this class relies on:
 * <ul>
 *   <li>a new master whose slave was never opened reports neither POLLHUP nor EIO, and a write to
 *       it is processed by the slave's line discipline (echoed, in cooked mode); so {@link #open}
 *       opens the slave once, makes it raw and closes it, after which the pair is in the same
 *       "nobody there" state as after a host left;
 *   <li>while no process holds the slave, poll on the master reports POLLHUP at once and read
 *       fails with EIO; while one does, read fails with EAGAIN (non-blocking) or returns data.
 *       Bytes the host wrote before closing are still read before EIO;
 *   <li>bytes written to the master while nobody holds the slave are kept by the slave and handed
 *       to the next program that opens it, and tcflush on the master does not discard them; a
 *       tcflush(TCIFLUSH) on a descriptor of the slave does ({@link #scrub});
 *   <li>termios set on the slave survives the slave being closed and reopened, and so does
 *       TIOCEXCL: a host that set it and left makes every later open fail with EBUSY (except for
 *       root), so {@link #scrub} clears it, or reports that it cannot.
 * </ul>
 */
final class Pty implements AutoCloseable {

  /** What a non-blocking read of the master found. */
  sealed interface ReadResult {}

  /** Bytes a host wrote: {@code count} of them at the start of the buffer. */
  record Data(int count) implements ReadResult {}

  /** A host holds the slave and has sent nothing new. */
  record Quiet() implements ReadResult {}

  /** No process holds the slave. */
  record NoHost() implements ReadResult {}

  private static final Quiet QUIET = new Quiet();
  private static final NoHost NO_HOST = new NoHost();

  /** How {@link #scrub()} went. */
  enum Scrub {
    /** Slave raw, exclusive mode cleared, leftovers discarded. */
    DONE,
    /** The slave refuses to be opened (a host left it in exclusive mode); this pair is spoilt. */
    LOCKED
  }

  private final int master;
  private final String slavePath;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Pty(int master, String slavePath) {
    this.master = master;
    this.slavePath = slavePath;
  }

  /** Opens a pair whose slave is raw and not held by anybody. */
  static Pty open() throws IOException {
    int master = Posix.openMaster();
    try {
      String slave = Posix.slaveName(master);
      Posix.setNonBlocking(master);
      Pty pty = new Pty(master, slave);
      if (pty.scrub() == Scrub.LOCKED) {
        throw new IOException("cannot open the new pty's slave " + slave);
      }
      return pty;
    } catch (IOException | RuntimeException e) {
      Posix.close(master);
      throw e;
    }
  }

  /** The terminal a host opens, such as {@code /dev/pts/3}. */
  String slavePath() {
    return slavePath;
  }

  /** Reads what a host sent, without blocking. */
  ReadResult read(byte[] buffer) throws IOException {
    while (true) {
      int n = Posix.read(master, buffer);
      if (n > 0) {
        return new Data(n);
      }
      if (n == 0 || n == -Posix.EIO) {
        return NO_HOST;
      }
      if (n == -Posix.eagain()) {
        return QUIET;
      }
      if (n != -Posix.EINTR) {
        throw new IOException("read from the pty master of " + slavePath + " failed: " + Posix.describe(-n));
      }
    }
  }

  /**
   * Writes toward the host without blocking.
   *
   * @return how many bytes were taken, 0 when the pty's buffer is full
   * @throws IOException when the master cannot be written at all
   */
  int write(byte[] bytes, int offset, int length) throws IOException {
    while (true) {
      int n = Posix.write(master, bytes, offset, length);
      if (n >= 0) {
        return n;
      }
      if (n == -Posix.eagain()) {
        return 0;
      }
      if (n != -Posix.EINTR) {
        throw new IOException("write to the pty master of " + slavePath + " failed: " + Posix.describe(-n));
      }
    }
  }

  /**
   * Waits up to {@code millis} for bytes from the host (or for it to leave). Returns at once when
   * no host holds the slave, so it is not a way to wait for one.
   */
  void awaitReadable(int millis) throws InterruptedException {
    awaitEvent(Posix.POLLIN, millis);
  }

  /** Waits up to {@code millis} for room in the pty's buffer. */
  void awaitWritable(int millis) throws InterruptedException {
    awaitEvent(Posix.POLLOUT, millis);
  }

  private void awaitEvent(short event, int millis) throws InterruptedException {
    short revents = Posix.poll(master, event, millis);
    if ((revents & Posix.POLLNVAL) != 0) {
      // poll cannot watch terminals here: wait the time out instead, the caller reads anyway
      Thread.sleep(millis);
    }
  }

  /** Whether poll reports that no process holds the slave (POLLHUP); false where poll cannot tell. */
  boolean hungUp() {
    return (Posix.poll(master, Posix.POLLOUT, 0) & Posix.POLLHUP) != 0;
  }

  /**
   * Whether no process holds the slave, asked without reading: poll's POLLHUP. Where poll does not
   * work on terminals the answer is yes.
   */
  boolean nobodyHolds() {
    short revents = Posix.poll(master, Posix.POLLIN, 0);
    return (revents & (Posix.POLLHUP | Posix.POLLNVAL)) != 0;
  }

  /**
   * Puts the slave back as a new board's UART would be after a host left: raw, not exclusive, and
   * with nothing left over from the device for the next host (P-52). Opens the slave for a moment,
   * so call it only from the thread that watches for hosts.
   */
  Scrub scrub() throws IOException {
    int slave;
    try {
      slave = Posix.openTerminal(slavePath);
    } catch (Posix.ErrnoException e) {
      if (e.errno() == Posix.ebusy()) {
        return Scrub.LOCKED;
      }
      throw e;
    }
    try {
      Posix.clearExclusive(slave);
      Posix.makeRaw(slave);
      Posix.flushInput(slave);
      return Scrub.DONE;
    } finally {
      Posix.close(slave);
    }
  }

  /** Closes the master once: a second close could hit a descriptor that reused the number. */
  @Override
  public void close() {
    if (!closed.getAndSet(true)) {
      Posix.close(master);
    }
  }

  @Override
  public String toString() {
    return slavePath;
  }
}
