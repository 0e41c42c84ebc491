package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.emulator.port.PtyPort;
import dev.espat.grammar.Bytes;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same golden transcripts (spec §8: 1-6, 15 and 16) over every kind of port a host can use: in
 * the JVM, a TCP socket, and a pty opened with jSerialComm exactly as a host program would.
 */
class TranscriptsOnEveryPortIT {

  enum PortKind { IN_MEMORY, TCP, PTY }

  @TempDir Path dir;

  /** Host sends, device answers, with echo on at first; byte-exact. */
  private static final List<String[]> TRANSCRIPTS = List.of(
      new String[] {"AT\r\n", "AT\r\n\r\nOK\r\n"},                                               // 2
      new String[] {"ATE0\r\n", "ATE0\r\n\r\nOK\r\n"},
      new String[] {"AT\r\n", "\r\nOK\r\n"},                                                     // 1
      new String[] {"AT+BOGUS\r\n", "\r\nERROR\r\n"},                                            // 3
      new String[] {"AT+" + "A".repeat(252) + "\r\n", "\r\nERROR\r\n"},                          // 5
      new String[] {"AT+SYSLOG=1\r\n", "\r\nOK\r\n"},
      new String[] {"AT+BOGUS\r\n", "ERR CODE:0x01090000\r\n\r\nERROR\r\n"},                    // 4
      new String[] {"AT+HTTPCLIENT=9,0,\"http://h/\",,,1\r\n", "ERR CODE:0x01080001\r\n\r\nERROR\r\n"}, // 6
      new String[] {"AT+HTTPCPOST=\"http://127.0.0.1:9/post\",27,2,\"a: b\"\r\n",
          "ERR CODE:0x01080003\r\n\r\nERROR\r\n"},                                                  // 16: no prompt
      new String[] {"AT+CWJAP=\"espressif\",\"1234567890\"\r\n", "WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"}, // 15
      new String[] {"AT+CWQAP\r\n", "WIFI DISCONNECT\r\n\r\nOK\r\n"},
      new String[] {"AT+CWJAP=\"espressif\",\"wrong\"\r\n", "+CWJAP:2\r\nERR CODE:0x010a0000\r\n\r\nERROR\r\n"}); // 15

  @ParameterizedTest(name = "{0}")
  @EnumSource(PortKind.class)
  void goldenTranscripts(PortKind kind) throws Exception {
    EspAtEmulator.Builder builder = EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(20))
        .accessPoint("espressif", "1234567890");
    switch (kind) {
      case TCP -> builder.tcp("127.0.0.1", 0);
      case PTY -> {
        assumeTrue(PtyPort.isSupported(), "no ptys on this system");
        builder.pty(dir.resolve("ttyESP0"));
      }
      case IN_MEMORY -> {}
    }
    try (EspAtEmulator esp = builder.start(); RawHost host = connect(kind, esp)) {
      for (String[] t : TRANSCRIPTS) {
        assertThat(Bytes.show(host.exchange(t[0]))).as("%s: %s", kind, t[0].strip()).isEqualTo(Bytes.show(Bytes.of(t[1])));
      }
      assertThat(esp.device().takeRequest(Duration.ofMillis(200))).as("transcript 16: nothing sent").isEmpty();
    }
  }

  private RawHost connect(PortKind kind, EspAtEmulator esp) throws Exception {
    return switch (kind) {
      case IN_MEMORY -> {
        InMemoryConnection c = esp.connect();
        yield new RawHost(c.input(), c.output(), c);
      }
      case TCP -> {
        InetSocketAddress a = esp.device().tcpAddress().orElseThrow();
        Socket s = new Socket(a.getAddress(), a.getPort());
        yield new RawHost(s.getInputStream(), s.getOutputStream(), s);
      }
      case PTY -> {
        Path link = esp.device().ptyPath().orElseThrow();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        yield SerialHost.open(link);
      }
    };
  }
}
