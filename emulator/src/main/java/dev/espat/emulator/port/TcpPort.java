package dev.espat.emulator.port;

import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.HostLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One device behind a TCP port, like a serial port exposed by ser2net: one host at a time (a
 * second is told so in one line and closed, after waiting up to a second in case the first is
 * just leaving), and a host that reconnects finds the device as it left it, as a powered board
 * would be.
 */
public final class TcpPort implements DevicePort {
  static final String REFUSED =
      "esp-at: this device already has a host connected; like a serial port, it takes one at a time\r\n";

  /** How long a new host waits for the previous one to be detached before it is refused. */
  static final java.time.Duration HANDOVER = java.time.Duration.ofSeconds(1);

  private final Device device;
  private final Pacing pacing;
  private final ServerSocket server;
  private final AtomicReference<Socket> host = new AtomicReference<>();
  private final Thread acceptor;

  /** Binds at once (port 0 picks a free port); hosts are accepted after {@link #start()}. */
  public TcpPort(Device device, InetSocketAddress bind, Pacing pacing) throws IOException {
    this.device = device;
    this.pacing = pacing;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    try {
      server.bind(bind);
    } catch (IOException e) {
      server.close();
      throw new IOException("cannot listen on " + bind.getHostString() + ":" + bind.getPort() + ": " + e.getMessage(), e);
    }
    this.acceptor = Thread.ofPlatform().daemon().name("esp-at-tcp-" + device.name()).unstarted(this::acceptLoop);
  }

  @Override
  public void start() {
    acceptor.start();
  }

  /** The address hosts connect to. */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  @Override
  public String kind() {
    return "tcp";
  }

  @Override
  public String location() {
    InetSocketAddress a = address();
    return (a.getHostString().contains(":") ? "[" + a.getHostString() + "]" : a.getHostString()) + ":" + a.getPort();
  }

  @Override
  public String describe() {
    InetSocketAddress a = address();
    return "tcp " + a.getHostString() + ":" + a.getPort() + " (socket://" + a.getHostString() + ":" + a.getPort() + ")";
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return;
      }
      if (!takeOver(socket)) {
        refuse(socket);
        continue;
      }
      Thread.ofPlatform().daemon().name("esp-at-tcp-host-" + device.name()).start(() -> serve(socket));
    }
  }

  /**
   * Makes {@code socket} the host, waiting up to {@link #HANDOVER} for the one before to be
   * detached: a host that closes and at once reconnects (a test rig, a script running one command
   * per connection) is not turned away because the device has not yet seen the close.
   */
  private boolean takeOver(Socket socket) {
    long deadline = System.nanoTime() + HANDOVER.toNanos();
    while (!host.compareAndSet(null, socket)) {
      if (System.nanoTime() > deadline || server.isClosed()) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static void refuse(Socket socket) {
    try (socket) {
      socket.getOutputStream().write(REFUSED.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException ignored) {
      // it was going away anyway
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      device.attach(new PacedLink(pacing, out::write));
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        device.receive(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // a host that resets the connection has simply left
    } catch (IOException e) {
      // as above: any failure of the connection is the host leaving
    } finally {
      device.detach();
      host.set(null);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // nothing to free beyond the socket itself
    }
    Socket s = host.get();
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }
}
