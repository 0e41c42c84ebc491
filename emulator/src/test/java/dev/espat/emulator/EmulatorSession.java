package dev.espat.emulator;

import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.grammar.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;

/**
 * One emulator and one raw host on it, with echo off: for transcript tests that compare what the
 * device wrote, shown with {@link Bytes#show} ({@code \r\n} written out).
 *
 * <pre>{@code
 * try (EmulatorSession s = EmulatorSession.start(EspAtEmulator.builder().accessPoint("home", "pw"))) {
 *   assertThat(s.exchange("AT+CWJAP=\"home\",\"pw\"\r\n")).isEqualTo("WIFI CONNECTED\\r\\n...");
 * }
 * }</pre>
 */
final class EmulatorSession implements AutoCloseable {
  /** What a test builder gets unless it says otherwise: unpaced, a short boot. */
  static final Duration BOOT_DELAY = Duration.ofMillis(50);

  private final EspAtEmulator esp;
  private final RawHost host;

  private EmulatorSession(EspAtEmulator esp, RawHost host) {
    this.esp = esp;
    this.host = host;
  }

  /** Starts the configured emulator unpaced with a short boot, connects and turns echo off. */
  static EmulatorSession start(EspAtEmulator.Builder builder) {
    EspAtEmulator esp = builder.unpaced().bootDelay(BOOT_DELAY).start();
    InMemoryConnection c = esp.connect();
    return echoOff(new EmulatorSession(esp, new RawHost(c.input(), c.output(), c)));
  }

  /** The same, the host on a real TCP socket to the device's port (a free loopback port). */
  static EmulatorSession overTcp(EspAtEmulator.Builder builder) {
    EspAtEmulator esp = builder.unpaced().bootDelay(BOOT_DELAY).tcp("127.0.0.1", 0).start();
    try {
      Socket socket = new Socket();
      socket.connect(esp.device().tcpAddress().orElseThrow(), (int) RawHost.PATIENCE.toMillis());
      socket.setTcpNoDelay(true);
      return echoOff(new EmulatorSession(esp, new RawHost(socket.getInputStream(), socket.getOutputStream(), socket)));
    } catch (IOException e) {
      esp.close();
      throw new UncheckedIOException(e);
    }
  }

  private static EmulatorSession echoOff(EmulatorSession s) {
    s.exchange("ATE0\r\n");
    return s;
  }

  static EmulatorSession start() {
    return start(EspAtEmulator.builder());
  }

  EspAtEmulator emulator() {
    return esp;
  }

  RawHost host() {
    return host;
  }

  /** Sends a line and returns everything up to its final result, shown. */
  String exchange(String line) {
    return Bytes.show(host.exchange(line));
  }

  /** Sends a line without waiting. */
  void send(String line) {
    host.send(line);
  }

  /** Reads until what arrived ends with {@code tail} (shown form); returns it all, shown. */
  String readUntilEnd(String tail, Duration timeout) {
    return Bytes.show(host.readUntil(b -> Bytes.show(b).endsWith(tail), timeout));
  }

  /** Reads until the next final result. */
  String readResponse() {
    return Bytes.show(host.readResponse());
  }

  /** AT+RST (or AT+RESTORE), then waits for {@code ready}; echo is back on after a reset, so it goes off again. */
  String reboot(String command) {
    String answer = exchange(command);
    String boot = readUntilEnd("ready\\r\\n", RawHost.PATIENCE);
    exchange("ATE0\r\n");
    return answer + boot;
  }

  /** What arrives within a window, shown: for asserting that nothing (or something) more comes. */
  String drainFor(Duration window) {
    return Bytes.show(host.drainFor(window));
  }

  @Override
  public void close() {
    try {
      host.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("closing the host connection failed", e);
    } finally {
      esp.close();
    }
  }
}
