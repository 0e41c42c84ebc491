package dev.espat.emulator.port;

import dev.espat.emulator.RawHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * The far end of a serial line that is a pty: the test holds the master and plays the
 * microcontroller wired to the port, while the code under test opens the slave as its serial
 * device. End of input when the slave's last holder closes it.
 */
final class WireEnd {
  private WireEnd() {}

  /** A RawHost on the master of {@code pty}; closing it closes the pty. */
  static RawHost on(Pty pty) {
    InputStream in = new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        byte[] buffer = new byte[len];
        boolean seenHolder = false;
        while (true) {
          try {
            pty.awaitReadable(50);
          } catch (InterruptedException e) {
            throw new InterruptedIOException();
          }
          switch (pty.read(buffer)) {
            case Pty.Data d -> {
              System.arraycopy(buffer, 0, b, off, d.count());
              return d.count();
            }
            case Pty.Quiet q -> seenHolder = true;
            case Pty.NoHost n -> {
              if (seenHolder) {
                return -1;
              }
              try {
                Thread.sleep(20);  // not opened yet
              } catch (InterruptedException e) {
                throw new InterruptedIOException();
              }
            }
          }
        }
      }
    };
    OutputStream out = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
          int n = pty.write(b, off, len);
          off += n;
          len -= n;
          if (n == 0) {
            try {
              pty.awaitWritable(50);
            } catch (InterruptedException e) {
              throw new InterruptedIOException();
            }
          }
        }
      }
    };
    return new RawHost(in, out, pty);
  }
}
