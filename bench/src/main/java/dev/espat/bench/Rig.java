package dev.espat.bench;

import dev.espat.driver.EspAt;
import dev.espat.emulator.EspAtEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * What every benchmark stands on: a {@link BodyServer} with a body of the size asked for, and an
 * emulated ESP32 (newest firmware, any network joins) on a free local TCP port, paced at 115200
 * baud or unpaced. The driver and the raw client connect to it the same way, over TCP.
 */
final class Rig implements AutoCloseable {
  /** The firmware's default tx and rx buffer sizes, which the driver passes to AT+HTTPCGET. */
  static final int BUFFER = 2048;

  /** The whole request's time limit: a paced 200 KB GET takes about 18 s. */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  final BodyServer server;
  final EspAtEmulator emulator;
  final InetSocketAddress address;

  private Rig(BodyServer server, EspAtEmulator emulator) {
    this.server = server;
    this.emulator = emulator;
    this.address = emulator.device().tcpAddress().orElseThrow();
  }

  static Rig start(int bodyBytes, boolean paced) {
    BodyServer server = BodyServer.start(bodyBytes);
    try {
      EspAtEmulator.Builder b = EspAtEmulator.builder().tcp("127.0.0.1", 0);
      if (!paced) {
        b.unpaced();
      }
      return new Rig(server, b.start());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  String portUrl() {
    return "socket://" + address.getHostString() + ":" + address.getPort();
  }

  URI uri() {
    return server.uri();
  }

  /** A driver, handshaken and joined, that may hold the whole body (and its framing) in memory. */
  EspAt openDriver() {
    int maxResponse = (int) Math.min(Integer.MAX_VALUE - 8, 2L * server.bodyBytes() + (1 << 20));
    EspAt esp = EspAt.builder(portUrl()).maxResponseBytes(maxResponse).open();
    try {
      esp.wifi().join("any", "password");
      return esp;
    } catch (RuntimeException e) {
      esp.close();
      throw e;
    }
  }

  /** The line the driver sends for a GET without headers on firmware 3.0+ (HttpClient's httpcget). */
  String httpcgetLine() {
    return "AT+HTTPCGET=\"" + uri() + "\"," + BUFFER + "," + BUFFER + "," + REQUEST_TIMEOUT.toMillis();
  }

  /** A socket client after the driver's handshake, minus what only parses: AT, ATE0, AT+SYSLOG=1, AT+CWJAP. */
  RawConnection openRaw() throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address, 5_000);
    RawAtClient client = new RawAtClient(socket.getInputStream(), socket.getOutputStream());
    try {
      client.execute("AT");
      client.execute("ATE0");
      client.execute("AT+SYSLOG=1");
      client.execute("AT+CWJAP=\"any\",\"password\"");
      return new RawConnection(socket, client);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  record RawConnection(Socket socket, RawAtClient client) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Override
  public void close() {
    emulator.close();
    server.close();
  }
}
