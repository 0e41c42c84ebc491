package dev.espat.conformance.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.conformance.format.Step;
import dev.espat.conformance.format.Transcript;
import dev.espat.conformance.format.TranscriptParser;
import dev.espat.conformance.server.GeneratedBytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A session's bytes, both ways, into a transcript that reads back and replays it. */
class TranscriptRecorderTest {
  private final TranscriptRecorder recorder = new TranscriptRecorder("session", "socket://127.0.0.1:3333", "home", "s3cr3t");

  private void host(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    recorder.fromHost(b, 0, b.length);
  }

  private void device(byte[] b) {
    recorder.fromDevice(b, 0, b.length);
  }

  private void device(String s) {
    device(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] frame(String name, byte[] body, int from, int to) {
    byte[] head = ("+" + name + ":" + (to - from) + ",").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + (to - from) + 2];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, from, all, head.length, to - from);
    all[all.length - 2] = '\r';
    all[all.length - 1] = '\n';
    return all;
  }

  @Test
  @DisplayName("a whole session: echo, Wi-Fi, a long body, data mode, addresses and dates")
  void session() throws Exception {
    host("ATE0\r\n");
    device("ATE0\r\n\r\nOK\r\n");
    host("AT+CWJAP=\"home\",\"s3cr3t\"\r\n");
    device("WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n");
    host("AT+HTTPCGET=\"http://10.0.0.5:8080/bytes/3000\"\r\n");
    byte[] body = GeneratedBytes.first(3000);
    device(frame("HTTPCGET", body, 0, 2048));
    device(frame("HTTPCGET", body, 2048, 3000));
    device("\r\nOK\r\n");
    host("AT+HTTPCPOST=\"http://10.0.0.5:8080/post\",5\r\n");
    device("\r\nOK\r\n\r\n>");
    host("hel");
    host("lo");
    device("+HTTPCPOST:5,hello\r\n\r\nSEND OK\r\n");
    host("AT+GMR\r\n");
    device("AT version:4.1.0.0(s-cc2c3a4 - ESP32 - Jun  6 2024)\r\nBin version:v4.1.0.0(ESP32)\r\n\r\nOK\r\n");
    host("AT+CIFSR\r\n");
    device("+CIFSR:STAIP,\"192.168.1.100\"\r\n+CIFSR:STAMAC,\"24:0a:c4:00:11:22\"\r\n\r\nOK\r\n");
    host("AT+HTTPCLIENT=1,0,\"http://10.0.0.5/get\",,,1\r\n");
    device("+HTTPCLIENT:35,Date: Tue, 15 Nov 1994 08:12:31 GMT\r\n\r\nOK\r\n");

    String text = recorder.transcript();
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    assertThat(text).doesNotContain("s3cr3t").contains("""
        echo on
        wifi leave
        > ATE0\\r\\n
        < ATE0\\r\\n
        < \\r\\nOK\\r\\n
        > AT+CWJAP="{ssid}","{password}"\\r\\n
        < WIFI CONNECTED\\r\\n
        < WIFI GOT IP\\r\\n
        < \\r\\nOK\\r\\n
        > AT+HTTPCGET="http://10.0.0.5:8080/bytes/3000"\\r\\n
        frames +HTTPCGET length 3000 sha256 %s
        < \\r\\nOK\\r\\n
        > AT+HTTPCPOST="http://10.0.0.5:8080/post",{len}\\r\\n
        < \\r\\nOK\\r\\n
        < \\r\\n>
        > hello
        < +HTTPCPOST:{len},hello\\r\\n
        < \\r\\nSEND OK\\r\\n
        > AT+GMR\\r\\n
        < AT version:4.1.0.0(s-cc2c3a4 - ESP32 - Jun  6 2024)\\r\\n
        < Bin version:v4.1.0.0(ESP32)\\r\\n
        < \\r\\nOK\\r\\n
        > AT+CIFSR\\r\\n
        < +CIFSR:STAIP,"{ip}"\\r\\n
        < +CIFSR:STAMAC,"{mac}"\\r\\n
        < \\r\\nOK\\r\\n
        > AT+HTTPCLIENT=1,0,"http://10.0.0.5/get",,,1\\r\\n
        < +HTTPCLIENT:{len},Date: {http-date}\\r\\n
        < \\r\\nOK\\r\\n
        """.formatted(digest));
    assertThat(text).startsWith("esp-at-transcript 1\nname: session\nrules: -\n");

    Transcript t = TranscriptParser.parse("recorded.txn", text);
    assertThat(t.steps().getFirst()).isInstanceOf(Step.Echo.class);
    assertThat(t.rules()).isEmpty();
  }

  @Test
  @DisplayName("a host typing one key at a time, with echo: the line first, then its echo and answer")
  void typedByHand() {
    for (char c : "AT\r\n".toCharArray()) {
      host(String.valueOf(c));
      device(String.valueOf(c));
    }
    device("\r\nOK\r\n");
    assertThat(recorder.transcript()).contains("echo on\n> AT\\r\\n\n< AT\\r\\n\n< \\r\\nOK\\r\\n\n");
  }

  @Test
  @DisplayName("ERR CODE before any AT+SYSLOG: the session began with SYSLOG on; HTTP before any join: with an IP")
  void startState() {
    host("AT+BOGUS\r\n");
    device("ERR CODE:0x01090000\r\n\r\nERROR\r\n");
    host("AT+HTTPCLIENT=2,0,\"http://h/\",,,1\r\n");
    device("+HTTPCLIENT:2,ok\r\n\r\nOK\r\n");
    String text = recorder.transcript();
    assertThat(text).contains("\nsyslog on\nwifi join\n> AT+BOGUS\\r\\n\n").doesNotContain("echo on");
    TranscriptParser.parse("r.txn", text);
  }

  @Test
  @DisplayName("a join that first disconnects: the session began connected")
  void connectedAtStart() {
    host("AT+CWJAP=\"home\",\"s3cr3t\"\r\n");
    device("WIFI DISCONNECT\r\nWIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n");
    assertThat(recorder.transcript()).contains("\nwifi join\n> AT+CWJAP=").doesNotContain("wifi leave");
  }

  @Test
  @DisplayName("a binary payload is written as >hex; braces that could start a placeholder are escaped")
  void binaryAndBraces() {
    host("AT+HTTPCPOST=\"http://h/post\",4\r\n");
    device("\r\nOK\r\n\r\n>");
    recorder.fromHost(new byte[] {0, 1, (byte) 0xff, 13}, 0, 4);
    device("+HTTPCPOST:8,{server}\r\n\r\nSEND OK\r\n");
    String text = recorder.transcript();
    assertThat(text).contains(">hex 00 01 ff 0d\n").contains("< +HTTPCPOST:{len},\\{server}\\r\\n\n");
    Transcript t = TranscriptParser.parse("r.txn", text);
    assertThat(t.steps()).hasAtLeastOneElementOfType(Step.SendHex.class);
  }
}
