package dev.espat.driver.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * {@code socket://host:port}: a serial line carried over TCP, as an emulator's TCP port or ser2net
 * exposes one. Closing the socket ends a blocked read at once.
 */
public final class SocketTransport extends StreamTransport {
  /** Connecting to a local port or ser2net is quick; longer means nobody is there. */
  static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private SocketTransport(Socket socket, String description) throws IOException {
    super(socket.getInputStream(), socket.getOutputStream(), socket, description);
  }

  /**
   * Connects with TCP_NODELAY, so that a short command line leaves at once.
   *
   * @throws IOException naming the address when nobody answers
   */
  public static SocketTransport connect(String host, int port) throws IOException {
    String description = "socket://" + host + ":" + port;
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
      return new SocketTransport(socket, description);
    } catch (IOException e) {
      socket.close();
      throw new IOException("cannot connect to " + description + ": " + e.getMessage(), e);
    }
  }
}
