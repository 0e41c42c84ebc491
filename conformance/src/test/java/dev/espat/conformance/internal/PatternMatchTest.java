package dev.espat.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.conformance.format.Template;
import dev.espat.conformance.server.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Matching {@code <} lines against bytes, fed whole and cut at every offset. */
class PatternMatchTest {
  private static TestHttpServer server;
  private static Values values;

  @BeforeAll
  static void start() {
    server = TestHttpServer.start("127.0.0.1", 0);
    values = new Values(server, new RunContext("home", "pw", false, "4.1.0.0", OptionalInt.empty(), new Masking("pw"), 1));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<Element> pattern(String line) throws StepFailure {
    return values.expect(Template.parse(line, Template.Side.EXPECT));
  }

  private static PatternMatch.Result match(String line, String input) throws StepFailure {
    byte[] in = input.getBytes(StandardCharsets.ISO_8859_1);
    return PatternMatch.match(pattern(line), in, in.length);
  }

  /** Every prefix of a matching input needs more; the whole input matches, ending at its end. */
  private static void matchesExactly(String line, String input) throws StepFailure {
    byte[] in = input.getBytes(StandardCharsets.ISO_8859_1);
    List<Element> p = pattern(line);
    for (int cut = 0; cut < in.length; cut++) {
      assertThat(PatternMatch.match(p, in, cut).kind()).as("cut at %d of %s", cut, input).isEqualTo(PatternMatch.Kind.NEED_MORE);
    }
    PatternMatch.Result whole = PatternMatch.match(p, in, in.length);
    assertThat(whole.kind()).as(input).isEqualTo(PatternMatch.Kind.MATCHED);
    assertThat(whole.end()).isEqualTo(in.length);
  }

  @Test
  @DisplayName("literal bytes: need more, then a match; the first differing byte is reported")
  void literal() throws StepFailure {
    matchesExactly("\\r\\nOK\\r\\n", "\r\nOK\r\n");
    PatternMatch.Result r = match("\\r\\nOK\\r\\n", "\r\nERROR\r\n");
    assertThat(r.kind()).isEqualTo(PatternMatch.Kind.MISMATCH);
    assertThat(r.at()).isEqualTo(2);
    assertThat(r.expected()).isEqualTo("'OK\\r\\n'");
  }

  @Test
  @DisplayName("tokens take their class and check their shape")
  void tokens() throws StepFailure {
    matchesExactly("+CWJAP:\"{ssid}\",\"{mac}\",{int},{int}\\r\\n", "+CWJAP:\"home\",\"24:0a:c4:01:02:03\",6,-55\r\n");
    matchesExactly("+CIPSTA:ip:\"{ip}\"\\r\\n", "+CIPSTA:ip:\"192.168.1.100\"\r\n");
    matchesExactly("Date: {http-date}\\r\\n", "Date: Tue, 15 Nov 1994 08:12:31 GMT\r\n");
    matchesExactly("AT version:{version}({any-line}\\r\\n", "AT version:4.1.0.0(s-cc2c3a4 - ESP32 - Jun)\r\n");
    assertThat(match("{ip}\\r\\n", "300.1.1.1\r\n").expected()).contains("an IPv4 address");
    assertThat(match("{int}\\r\\n", "x\r\n").at()).isZero();
    assertThat(match("Date: {http-date}\\r\\n", "Date: yesterday\r\n").kind()).isEqualTo(PatternMatch.Kind.MISMATCH);
  }

  @Test
  @DisplayName("{any-line} before text takes bytes up to the text's first appearance")
  void anyLineIsLazy() throws StepFailure {
    matchesExactly("{any-line} - ESP32 - {any-line}\\r\\n", "4.1.0.0(s-1 - ESP32 - Jun  6)\r\n");
    PatternMatch.Result r = match("{any-line} - ESP32 - {any-line}\\r\\n", "4.1.0.0(s-1 - ESP8266 - Jun)\r\n");
    assertThat(r.kind()).isEqualTo(PatternMatch.Kind.MISMATCH);
    assertThat(r.at()).isEqualTo(28); // the CR, where the line ended without the tag
  }

  @Test
  @DisplayName("a frame is read by its length: its payload may hold CR LF, OK and NUL")
  void frame() throws StepFailure {
    matchesExactly("+HTTPCGET:{len},\\r\\nOK\\r\\n\\x00\\r\\n", "+HTTPCGET:7,\r\nOK\r\n\0\r\n");
    matchesExactly("+HTTPCLIENT:{len},Content-Length: {int}\\r\\n", "+HTTPCLIENT:18,Content-Length: 21\r\n");
    matchesExactly("+HTTPCGET:{len},{any}\\r\\n", "+HTTPCGET:5,ab\r\nc\r\n");
    matchesExactly("+HTTPURLCFG:{len},{server}/get\\r\\n", "+HTTPURLCFG:" + (server.url().length() + 4) + "," + server.url() + "/get\r\n");
    PatternMatch.Result tooShort = match("+HTTPCGET:{len},abc\\r\\n", "+HTTPCGET:4,abcd\r\n");
    assertThat(tooShort.kind()).isEqualTo(PatternMatch.Kind.MISMATCH);
    assertThat(tooShort.expected()).contains("the end of the 4-byte payload");
    PatternMatch.Result tooLong = match("+HTTPCGET:{len},abc\\r\\n", "+HTTPCGET:2,abc\r\n");
    assertThat(tooLong.expected()).contains("payload ended");
    assertThat(match("+HTTPCGET:{len},a\\r\\n", "+HTTPCGET:x").expected()).contains("frame length");
    assertThat(match("+HTTPCGET:{len},a\\r\\n", "+HTTPCGET:99999999,").expected()).contains("at most 65536");
  }

  @Test
  @DisplayName("run values are filled in: {ssid} as printed, {server} as the test server's URL")
  void values() throws StepFailure {
    matchesExactly("+CWSTATE:2,\"{ssid}\"\\r\\n", "+CWSTATE:2,\"home\"\r\n");
    byte[] sent = values.send(Template.parse("AT+CWJAP=\"{ssid}\",\"{password}\"\\r\\n", Template.Side.SEND), -1);
    assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo("AT+CWJAP=\"home\",\"pw\"\r\n");
    byte[] padded = values.send(Template.parse("AT+X=\"{pad:20}\"\\r\\n", Template.Side.SEND), -1);
    assertThat(padded).hasSize(20);
    byte[] len = values.send(Template.parse("AT+HTTPURLCFG={len}\\r\\n", Template.Side.SEND), 23);
    assertThat(new String(len, StandardCharsets.US_ASCII)).isEqualTo("AT+HTTPURLCFG=23\r\n");
  }

  @Test
  @DisplayName("{ssid} and {password} on a > line are escaped for AT (P-07)")
  void atEscaping() throws StepFailure {
    Values v = new Values(server, new RunContext("a,b", "p\"w\\", false, null, OptionalInt.empty(), new Masking(null), 1));
    byte[] sent = v.send(Template.parse("AT+CWJAP=\"{ssid}\",\"{password}\"\\r\\n", Template.Side.SEND), -1);
    assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo("AT+CWJAP=\"a\\,b\",\"p\\\"w\\\\\"\r\n");
  }
}
