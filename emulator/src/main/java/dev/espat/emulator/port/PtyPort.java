package dev.espat.emulator.port;

import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.HostLink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One device behind a virtual COM port (a pty, Linux and macOS), reached through a stable
 * symbolic link such as {@code /tmp/ttyESP0}. A host opens the link as it would open
 * {@code /dev/ttyUSB0}; bytes pass unchanged both ways (the slave is raw).
 *
 * <pre>{@code
 * PtyPort port = new PtyPort(device, Path.of("/tmp/ttyESP0"), Pacing.at(115200));
 * port.start();   // a host may now open /tmp/ttyESP0, at any baud rate, 8N1
 * }</pre>
 *
 * <p>Like a UART, the port has no memory (P-52): what the device writes while no host holds the
 * port is lost, not handed to the next host as a stale {@code ready}. A reader thread watches the
 * master: when a process opens the slave, the device is {@link Device#attach attached}; when the
 * last one closes it, the device is {@link Device#detach detached}, output stops at once, and the
 * slave is scrubbed of anything written in between (see {@link Pty}). Hosts may come and go any
 * number of times.
 */
public final class PtyPort implements DevicePort {
  /** How often a port with no host looks for one; a pty cannot be waited on for that. */
  static final Duration HOST_CHECK = Duration.ofMillis(20);

  /** Longest a reader or writer waits on the master before looking at the port's state again. */
  static final int WAIT_MILLIS = 100;

  private static final int READ_BUFFER = 4096;

  private final Device device;
  private final Pacing pacing;
  private final PtySymlink symlink;
  private final Thread reader;
  /** Held around each write to the master, so that ending a session is a barrier for writes. */
  private final ReentrantLock writeLock = new ReentrantLock();

  private volatile Pty pty;
  private volatile Session session;
  private volatile boolean closed;

  /**
   * Opens the pty and points {@code symlink} at it at once; hosts are watched for after
   * {@link #start()}.
   *
   * @throws IOException naming the link when it is held by another running emulator or is not a
   *     symbolic link, or when this system has no ptys
   */
  public PtyPort(Device device, Path symlink, Pacing pacing) throws IOException {
    this.device = device;
    this.pacing = pacing;
    this.symlink = PtySymlink.claim(symlink);
    try {
      this.pty = Pty.open();
      this.symlink.pointTo(pty.slavePath());
    } catch (IOException | RuntimeException e) {
      if (pty != null) {
        pty.close();
      }
      this.symlink.close();
      throw e;
    }
    this.reader = Thread.ofPlatform().daemon().name("esp-at-pty-" + device.name()).unstarted(this::watch);
  }

  /** {@code <java.io.tmpdir>/ttyESP<index>}, the link of the {@code index}-th device by default. */
  public static Path defaultPath(int index) {
    return PtySymlink.defaultPath(index);
  }

  /**
   * The link of the {@code index}-th of several devices whose first link is {@code first}: a
   * trailing number counts up ({@code ttyESP0}, {@code ttyESP1}, ...); a name without one gets the
   * index appended from the second device on.
   */
  public static Path numberedPath(Path first, int index) {
    return PtySymlink.numbered(first, index);
  }

  /** Whether this machine has ptys this port can use (Linux or macOS with a C library). */
  public static boolean isSupported() {
    return Posix.supported();
  }

  @Override
  public void start() {
    reader.start();
  }

  /** The stable link hosts open. */
  public Path symlink() {
    return symlink.path();
  }

  /** The terminal the link points at now, such as {@code /dev/pts/3}. */
  public Path slavePath() {
    return Path.of(pty.slavePath());
  }

  /** Whether a host holds the port open. */
  public boolean hostAttached() {
    return session != null;
  }

  @Override
  public String kind() {
    return "pty";
  }

  @Override
  public String location() {
    return symlink.path().toString();
  }

  @Override
  public String describe() {
    return "pty " + symlink.path() + " (" + pty.slavePath() + ")";
  }

  // ---- the reader thread ----------------------------------------------------------------

  private void watch() {
    byte[] buffer = new byte[READ_BUFFER];
    try {
      while (!closed) {
        if (session == null) {
          Thread.sleep(HOST_CHECK);
        } else {
          pty.awaitReadable(WAIT_MILLIS);
        }
        switch (pty.read(buffer)) {
          case Pty.Data d -> {
            if (session == null) {
              beginSession();
            }
            device.receive(buffer, 0, d.count());
          }
          case Pty.Quiet q -> {
            if (session == null) {
              beginSession();
            }
          }
          case Pty.NoHost n -> {
            if (session != null) {
              endSession(true);
            }
          }
        }
      }
    } catch (InterruptedException e) {
      // closing
    } catch (IOException e) {
      // the master itself failed: nothing can reach the device through this port any more
      System.err.println("esp-at: the pty port " + symlink.path() + " of " + device.name() + " stopped: " + e.getMessage());
    } finally {
      if (session != null) {
        endSession(false);
      }
    }
  }

  private void beginSession() {
    Session s = new Session(pty);
    session = s;
    device.attach(s);
  }

  /**
   * Output stops first, then the device learns the host has gone; {@link #hostAttached()} turns
   * false only once the slave is ready for the next host.
   */
  private void endSession(boolean prepareForNextHost) {
    session.end();
    device.detach();
    if (prepareForNextHost) {
      makeReadyForNextHost();
    }
    session = null;
  }

  /**
   * Scrubs the slave (P-52). When a host left it in exclusive mode, so that nobody else could open
   * it, the pty is replaced by a new one behind the same link, unless a new host already holds it.
   */
  private void makeReadyForNextHost() {
    try {
      if (pty.scrub() == Pty.Scrub.DONE || !pty.nobodyHolds()) {
        return;
      }
      Pty fresh = Pty.open();
      try {
        symlink.pointTo(fresh.slavePath());
      } catch (IOException e) {
        fresh.close();
        throw e;
      }
      Pty spoilt = pty;
      pty = fresh;
      spoilt.close();
    } catch (IOException e) {
      // the port still works; only what this step guards against (P-52 leftovers) may leak through
      System.err.println("esp-at: could not reset the pty " + pty + " after its host left: " + e.getMessage());
    }
  }

  // ---- the device's side --------------------------------------------------------------------

  /** The device's link while one host holds the port; dead for good once that host has gone. */
  private final class Session implements HostLink {
    private final Pty target;
    private volatile boolean open = true;

    Session(Pty target) {
      this.target = target;
    }

    @Override
    public void write(byte[] bytes) {
      if (!open) {
        return;
      }
      try {
        pacing.write(bytes, this::writeSlice);
      } catch (IOException gone) {
        // P-52: the host went away mid-write; the rest goes nowhere, as on a UART
      }
    }

    private void writeSlice(byte[] bytes, int offset, int length) throws IOException {
      while (length > 0) {
        int n;
        writeLock.lock();
        try {
          if (!open) {
            throw new IOException("host gone");
          }
          n = target.write(bytes, offset, length);
        } finally {
          writeLock.unlock();
        }
        offset += n;
        length -= n;
        if (n == 0) {
          if (target.hungUp()) {
            // the pty is full of output for a host that has gone; the reader may be waiting on
            // this very thread to take its bytes, so it is here that the host's leaving shows
            throw new IOException("host gone");
          }
          try {
            target.awaitWritable(WAIT_MILLIS);  // the host is not reading: back-pressure
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
          }
        }
      }
    }

    @Override
    public void changeBaudRate(int baud) {
      pacing.changeBaudRate(baud);
    }

    /** After this returns, nothing more is written for this session. */
    void end() {
      open = false;
      writeLock.lock();
      writeLock.unlock();
    }
  }

  /** Stops watching, detaches a host, closes the pty and removes the link. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    reader.interrupt();
    try {
      reader.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Session s = session;
    if (s != null) {
      s.end();
    }
    if (!reader.isAlive()) {
      pty.close();  // never while the reader might still use the descriptor (it could be reused)
    }
    symlink.close();
  }
}
