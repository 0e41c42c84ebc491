package dev.espat.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A raw TCP peer that answers each line the host sends with what a script says, for what the
 * emulator cannot do on purpose (never answer, print {@code ready} in the middle of a command,
 * fail a join with code 4, drop the connection). The script returns the bytes to write, null for
 * silence, or {@link #HANG_UP} to close the connection.
 */
final class ScriptedDevice implements AutoCloseable {
  static final String HANG_UP = "\u0000hang up";

  /** Answers the driver's handshake like ESP-AT 4.1, and everything else with silence. */
  static final Function<String, String> HANDSHAKE_ONLY = line -> switch (line) {
    case "AT", "ATE0", "AT+SYSLOG=1" -> "\r\nOK\r\n";
    case "AT+GMR" -> "AT version:4.1.0.0(s-cc2c3a4 - ESP32 - Jun  6 2024 11:14:02)\r\nSDK version:v5.0.6-dirty\r\n"
        + "compile time(0ad3f47):Jun  6 2024 11:26:05\r\nBin version:v4.1.0.0(ESP32-WROOM-32)\r\n\r\nOK\r\n";
    default -> null;
  };

  private final ServerSocket server;
  private final Function<String, String> script;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Thread thread;

  ScriptedDevice(Function<String, String> script) throws IOException {
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.script = script;
    this.thread = Thread.ofPlatform().daemon().name("scripted-device").start(this::serve);
  }

  /** Handshake answers, then {@code then} for every other line. */
  static Function<String, String> afterHandshake(Function<String, String> then) {
    return line -> {
      String a = HANDSHAKE_ONLY.apply(line);
      return a != null ? a : then.apply(line);
    };
  }

  String url() {
    return "socket://127.0.0.1:" + server.getLocalPort();
  }

  /** The lines the host sent, without CR LF. */
  List<String> received() {
    return received;
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        converse(s.getInputStream(), s.getOutputStream());
      } catch (IOException closed) {
        // the host or the test closed the connection
      }
    }
  }

  private void converse(InputStream in, OutputStream out) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) >= 0; ) {
      if (b != '\n') {
        line.append((char) b);
        continue;
      }
      String text = line.toString().strip();
      line.setLength(0);
      received.add(text);
      String answer = script.apply(text);
      if (HANG_UP.equals(answer)) {
        return;
      }
      if (answer != null) {
        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    thread.join(2000);
  }
}
