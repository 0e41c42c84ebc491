package dev.espat.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A fault-injecting TCP proxy between the driver ({@code socket://}) and an emulator's TCP port:
 * it forwards both ways on real sockets, and on command does what a bad cable, a flaky ser2net or
 * a hung board does.
 *
 * <ul>
 *   <li>{@link #injectToHost}: bytes towards the host that the device never wrote (garbage, a
 *       fake {@code \r\nready\r\n});
 *   <li>{@link #cutAfter}: closes both sockets;
 *   <li>{@link #stallAfter} / {@link #resume}: stops forwarding device to host (the device's output
 *       waits in the socket, as behind a stuck UART) and starts again;
 *   <li>{@link #dropHostBytesAfter} / {@link #stopDropping}: host-to-device bytes vanish.
 * </ul>
 *
 * <p>Device-to-host faults fire after a count of <em>further</em> bytes from the device, split
 * exactly there, so that a fault lands in the middle of a response (inside a body frame, say) no
 * matter how fast the bytes flow; a count of 0 fires at once. One such fault is armed at a time.
 * One host at a time, like the emulator's port; a host that connects again gets a new connection
 * to the device, and armed faults carry over.
 *
 * <pre>{@code
 * try (FaultyLink link = new FaultyLink(emu.device().tcpAddress().orElseThrow());
 *      EspAt esp = EspAt.open(link.url())) {
 *   link.cutAfter(50_000);   // the next request's answer is cut 50 000 bytes in
 * }
 * }</pre>
 */
final class FaultyLink implements AutoCloseable {
  private final InetSocketAddress device;
  private final ServerSocket server;
  private final Thread acceptor;
  private final Object lock = new Object();
  /** Held while writing to the host, so an injection never splits a forwarded piece. */
  private final Object hostWrite = new Object();

  // Guarded by lock.
  private Socket hostSide;
  private Socket deviceSide;
  private long deviceBytes;
  private long hostBytes;
  private long droppedHostBytes;
  private long dropHostFrom = Long.MAX_VALUE;
  private boolean stalled;
  private long fireAt;
  private Runnable armed;
  private boolean closed;

  FaultyLink(InetSocketAddress device) throws IOException {
    this.device = device;
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.acceptor = Thread.ofPlatform().daemon().name("faulty-link").start(this::acceptLoop);
  }

  /** The driver's URL for the proxy's end. */
  String url() {
    return "socket://127.0.0.1:" + server.getLocalPort();
  }

  /** Bytes forwarded from device to host so far, injected ones not counted. */
  long deviceBytes() {
    synchronized (lock) {
      return deviceBytes;
    }
  }

  /** Host-to-device bytes dropped so far. */
  long droppedHostBytes() {
    synchronized (lock) {
      return droppedHostBytes;
    }
  }

  /** Waits until at least {@code total} device bytes have reached the host; false on timeout. */
  boolean awaitDeviceBytes(long total, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (deviceBytes < total) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** Writes {@code bytes} to the host after {@code n} more device bytes, as if the device had. */
  void injectToHost(long n, byte[] bytes) {
    arm(n, () -> writeToHost(bytes));
  }

  /** Writes {@code bytes} to the host now, between two pieces of what the device writes. */
  void injectToHost(byte[] bytes) {
    injectToHost(0, bytes);
  }

  /** Closes both sockets after {@code n} more device bytes: the host sees its connection end. */
  void cutAfter(long n) {
    arm(n, this::cut);
  }

  /** Stops forwarding device-to-host after {@code n} more device bytes, until {@link #resume()}. */
  void stallAfter(long n) {
    arm(n, () -> {
      synchronized (lock) {
        stalled = true;
      }
    });
  }

  /** Forwards device-to-host again; what the device wrote meanwhile follows. */
  void resume() {
    synchronized (lock) {
      stalled = false;
      lock.notifyAll();
    }
  }

  /** Drops host-to-device bytes after {@code n} more have passed (0: from now on). */
  void dropHostBytesAfter(long n) {
    synchronized (lock) {
      dropHostFrom = hostBytes + n;
    }
  }

  /** Forwards host-to-device bytes again. */
  void stopDropping() {
    synchronized (lock) {
      dropHostFrom = Long.MAX_VALUE;
    }
  }

  private void arm(long n, Runnable fault) {
    if (n <= 0) {
      fault.run();
      return;
    }
    synchronized (lock) {
      fireAt = deviceBytes + n;
      armed = fault;
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket host = server.accept();
        host.setTcpNoDelay(true);
        Socket dev = new Socket();
        dev.setTcpNoDelay(true);
        dev.connect(device, 5000);
        synchronized (lock) {
          closeQuietly(hostSide);
          closeQuietly(deviceSide);
          hostSide = host;
          deviceSide = dev;
        }
        Thread.ofPlatform().daemon().name("faulty-link-to-host").start(() -> toHost(dev, host));
        Thread.ofPlatform().daemon().name("faulty-link-to-device").start(() -> toDevice(host, dev));
      } catch (IOException e) {
        // the proxy was closed, or the device refused: the host sees its connection end
      }
    }
  }

  /** Device to host: forwards, firing an armed fault exactly at its byte count, waiting while stalled. */
  private void toHost(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (Socket f = from; Socket t = to) {
      InputStream in = f.getInputStream();
      OutputStream out = t.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        int off = 0;
        while (off < n) {
          int piece;
          Runnable fire = null;
          synchronized (lock) {
            while (stalled && !closed && !f.isClosed()) {
              lock.wait();
            }
            if (closed || f.isClosed()) {
              return;
            }
            piece = n - off;
            if (armed != null && fireAt - deviceBytes <= piece) {
              piece = (int) (fireAt - deviceBytes);
              fire = armed;
              armed = null;
            }
          }
          synchronized (hostWrite) {
            out.write(buffer, off, piece);
            out.flush();
          }
          off += piece;
          synchronized (lock) {
            deviceBytes += piece;
            lock.notifyAll();
          }
          if (fire != null) {
            fire.run();
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      // cut, closed, or the other end went away
    }
  }

  /** Host to device: forwards, dropping what comes after the drop mark. */
  private void toDevice(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (Socket f = from; Socket t = to) {
      InputStream in = f.getInputStream();
      OutputStream out = t.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        int pass;
        synchronized (lock) {
          pass = (int) Math.max(0, Math.min(n, dropHostFrom - hostBytes));
          hostBytes += n;
          droppedHostBytes += n - pass;
        }
        if (pass > 0) {
          out.write(buffer, 0, pass);
          out.flush();
        }
      }
    } catch (IOException e) {
      // cut, closed, or the other end went away
    }
  }

  private void writeToHost(byte[] bytes) {
    Socket host;
    synchronized (lock) {
      host = hostSide;
    }
    if (host == null) {
      throw new IllegalStateException("no host is connected to inject into");
    }
    try {
      OutputStream out = host.getOutputStream();
      synchronized (hostWrite) {
        out.write(bytes);
        out.flush();
      }
    } catch (IOException e) {
      throw new IllegalStateException("injecting towards the host failed: " + e.getMessage(), e);
    }
  }

  private void cut() {
    synchronized (lock) {
      closeQuietly(hostSide);
      closeQuietly(deviceSide);
      lock.notifyAll();
    }
  }

  private static void closeQuietly(Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing is best effort
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    server.close();
    cut();
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
