package dev.espat.emulator.port;

import dev.espat.emulator.RawHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The plainest possible host: opens a terminal with open(2) and reads and writes it, setting no
 * termios and flushing nothing, so what it sees is what the pty itself does. Also the far end of
 * a "serial device" that is a pty (the master side).
 */
final class TtyHost implements AutoCloseable {
  private static final int POLL_MILLIS = 20;

  private final int fd;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  private TtyHost(int fd) {
    this.fd = fd;
  }

  /** Opens the terminal at {@code path} (a symlink is followed) as a host would. */
  static TtyHost open(Path path) throws IOException {
    return new TtyHost(Posix.openTerminal(path.toString()));
  }

  int fd() {
    return fd;
  }

  /** A RawHost on this terminal; closing it closes the terminal. */
  RawHost rawHost() {
    return new RawHost(input(), output(), this);
  }

  InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        byte[] buffer = new byte[len];
        while (true) {
          lock.readLock().lock();
          try {
            if (closed) {
              return -1;
            }
            Posix.poll(fd, Posix.POLLIN, POLL_MILLIS);
            int n = Posix.read(fd, buffer);
            if (n > 0) {
              System.arraycopy(buffer, 0, b, off, n);
              return n;
            }
            if (n == 0 || n == -Posix.EIO) {
              return -1;
            }
          } finally {
            lock.readLock().unlock();
          }
        }
      }
    };
  }

  OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        byte[] rest = Arrays.copyOfRange(b, off, off + len);
        while (rest.length > 0) {
          lock.readLock().lock();
          try {
            if (closed) {
              throw new IOException("closed");
            }
            int n = Posix.write(fd, rest, 0, rest.length);
            if (n > 0) {
              rest = Arrays.copyOfRange(rest, n, rest.length);
            } else if (n == -Posix.eagain()) {
              Posix.poll(fd, Posix.POLLOUT, POLL_MILLIS);
            } else if (n < 0 && n != -Posix.EINTR) {
              throw new IOException("write failed: " + Posix.describe(-n));
            }
          } finally {
            lock.readLock().unlock();
          }
          if (Thread.interrupted()) {
            throw new InterruptedIOException();
          }
        }
      }
    };
  }

  /** Closes the terminal once; no read or write is using the descriptor when it goes. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {  // twice would close whatever descriptor took the number meanwhile
        closed = true;
        Posix.close(fd);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
