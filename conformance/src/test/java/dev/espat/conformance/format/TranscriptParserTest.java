package dev.espat.conformance.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The transcript format as docs/conformance.md describes it, and its errors, which name file and line. */
class TranscriptParserTest {

  private static Transcript parse(String text) {
    return TranscriptParser.parse("t/example.txn", text);
  }

  private static String head() {
    return "esp-at-transcript 1\nrules: P-20\n";
  }

  @Test
  @DisplayName("metadata, every kind of step, comments and blank lines")
  void everything() {
    Transcript t = parse("""
        esp-at-transcript 1
        name: all-steps
        rules: P-20 P-30
        golden: 7
        transports: serial
        firmware: >=3.0 <4.1
        needs: known-ap
        timeout: 1.5s
        description: first line
        description: second line

        # a comment
        echo off
        syslog on
        wifi join
        wifi leave
        reset
        restore
        wait 200ms
        within 2s
        expect-nothing for 300ms
        reopen after 1s
        baud {baud}
        server-saw none
        server-saw GET /get
        rate-begin
        rate-check max 120%
        > AT+HTTPCPOST="{server}/post",{len}\\r\\n
        >hex 00 ff 2b
        >gen 5000
        < \\r\\nOK\\r\\n\\r\\n>
        <+ +CWLAP:({any-line}\\r\\n
        <* WIFI {any-line}\\r\\n
        < +HTTPCLIENT:{len},Date: {http-date}\\r\\n
        frames +HTTPCGET max 2048 min 3 gate body /bytes/5000 length 5000 contains "a\\"b" lacks "x" text "{server-host}"
        """);
    assertThat(t.name()).isEqualTo("all-steps");
    assertThat(t.rules()).containsExactly("P-20", "P-30");
    assertThat(t.golden()).containsExactly(7);
    assertThat(t.transport()).isEqualTo(Transcript.TransportNeed.SERIAL);
    assertThat(t.firmware().orElseThrow().test("3.1.0.0")).isTrue();
    assertThat(t.firmware().orElseThrow().test("4.1.0.0")).isFalse();
    assertThat(t.needs()).containsExactly("known-ap");
    assertThat(t.timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(t.description()).isEqualTo("first line second line");
    assertThat(t.steps()).extracting(s -> s.getClass().getSimpleName()).containsExactly(
        "Echo", "Syslog", "WifiJoin", "WifiLeave", "Reset", "Reset", "Wait", "Within", "ExpectNothing", "Reopen", "Baud",
        "ServerSaw", "ServerSaw", "RateBegin", "RateCheck", "Send", "SendHex", "SendGenerated", "Expect", "Expect",
        "Expect", "Expect", "Frames");
    Step.Frames f = (Step.Frames) t.steps().getLast();
    assertThat(f.prefix()).isEqualTo("+HTTPCGET:");
    assertThat(f.max()).isEqualTo(2048);
    assertThat(f.minCount()).isEqualTo(3);
    assertThat(f.gate()).isTrue();
    assertThat(f.checks()).hasSize(5);
    BodyCheck.Contains contains = (BodyCheck.Contains) f.checks().get(2);
    assertThat(contains.text().pieces()).containsExactly(new Piece.Literal(new byte[] {'a', '"', 'b'}));
    assertThat(((Step.RateCheck) t.steps().get(14)).maxPercent()).isEqualTo(120);
    assertThat(((Step.SendHex) t.steps().get(16)).bytes()).containsExactly(0, 0xff, 0x2b);
  }

  @Test
  @DisplayName("the name defaults to the file name without .txn")
  void defaultName() {
    assertThat(parse(head() + "> AT\\r\\n\n").name()).isEqualTo("example");
  }

  @Test
  @DisplayName("escapes: \\r \\n \\t \\0 \\\\ \\xNN \\{ \\}; other backslashes stay, as AT escapes")
  void escapes() {
    Template t = Template.parse("a\\r\\n\\t\\0\\\\\\x7f\\{len}\\\"\\,", Template.Side.SEND);
    assertThat(t.pieces()).containsExactly(new Piece.Literal("a\r\n\t\0\\\u007f{len}\\\"\\,".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
  }

  @Test
  @DisplayName("a brace that starts no placeholder is text: JSON needs no escaping")
  void jsonBraces() {
    Template t = Template.parse("{\"a\":{\"b\":1}}", Template.Side.EXPECT);
    assertThat(t.pieces()).hasSize(1).first().isInstanceOf(Piece.Literal.class);
  }

  @Test
  @DisplayName("placeholders by side: tokens only on < lines, {pad:N} only on > lines")
  void placeholders() {
    assertThat(Template.parse("x{server}{len}{pad:256}", Template.Side.SEND).pieces())
        .containsExactly(new Piece.Literal(new byte[] {'x'}), new Piece.Variable("server"), new Piece.Length(), new Piece.Pad(256));
    assertThatThrownBy(() -> Template.parse("{int}", Template.Side.SEND)).hasMessageContaining("cannot be sent");
    assertThatThrownBy(() -> Template.parse("{pad:3}", Template.Side.EXPECT)).hasMessageContaining("> line");
  }

  private static void fails(String body, int line, String message) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(TranscriptFormatException.class)
        .hasMessageStartingWith("t/example.txn" + (line > 0 ? ":" + line + ":" : ":"))
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((TranscriptFormatException) e).line()).isEqualTo(line));
  }

  @Test
  @DisplayName("bad input names the file and the line")
  void errors() {
    fails("AT\r\n", 1, "starts with the line 'esp-at-transcript 1'");
    fails("esp-at-transcript 2\n", 1, "version 2; this runner reads version 1");
    fails(head() + "> AT\\r\\n\nfrobnicate\n", 4, "'frobnicate' is not a directive");
    fails(head() + "< {severr}\n", 3, "unknown placeholder {severr}");
    fails(head() + "> \\xZZ\n", 3, "'\\xZZ' is not a byte");
    fails(head() + "> AT+HTTPURLCFG={len}\\r\\n\n< \\r\\nOK\\r\\n\n", 3, "no > line follows");
    fails(head() + "> AT\\r\\n\nname: late\n", 4, "after the first step");
    fails("esp-at-transcript 1\nrules: P-99\n", 2, "P-99 is not a rule of the spec");
    fails("esp-at-transcript 1\nrules: 20\n", 2, "'20' is not a rule id");
    fails("esp-at-transcript 1\n> AT\\r\\n\n", 0, "has no 'rules:' line");
    fails(head(), 0, "has no steps");
    fails(head() + "colour: blue\n", 3, "unknown metadata 'colour:'");
    fails(head() + "<+ {int}\\r\\n\n", 3, "starts with literal text");
    fails(head() + "< {any}\\r\\n\n", 3, "{any} matches the rest of a frame's payload");
    fails(head() + "< +X:{len}\\r\\n\n", 3, "a comma and the payload follow it");
    fails(head() + "< +X:{len},a\n", 3, "ends with the frame's \\r\\n");
    fails(head() + "< +X:{len},a\\r\\n+Y:{len},b\\r\\n\n", 3, "only one {len}");
    fails(head() + "frames HTTPCGET\n", 3, "frames needs the frame's name");
    fails(head() + "frames +HTTPCGET colour red\n", 3, "'colour' is not an option");
    fails(head() + "frames +HTTPCGET contains \"open\n", 3, "no closing double quote");
    fails(head() + "wait soon\n", 3, "'soon' is not a duration");
    fails(head() + "> AT\\r\\n\nwithin 1s\n", 4, "'within' bounds the next step, and none follows");
    fails(head() + ">gen 0\n", 3, "1..");
    fails(head() + ">\n", 3, "needs one space");
    fails(head() + "<\n", 3, "needs one space");
    fails("esp-at-transcript 1\nrules: P-20\ngolden: 17\n> AT\\r\\n\n", 3, "1..16");
    fails("esp-at-transcript 1\nrules: P-20\nfirmware: newest\n> AT\\r\\n\n", 3, "not a firmware bound");
    fails("esp-at-transcript 1\nrules: P-20\nneeds: luck\n> AT\\r\\n\n", 3, "needs 'luck'");
  }

  @Test
  @DisplayName("a file that is not UTF-8 is refused by name")
  void notUtf8() {
    assertThatThrownBy(() -> TranscriptParser.decode("x.txn", new byte[] {(byte) 0xff, (byte) 0xfe}))
        .hasMessage("x.txn: is not UTF-8 text (write raw bytes as \\xNN)");
  }

  @Test
  @DisplayName("rules: - is a transcript that checks no rule of the spec (a recording)")
  void noRules() {
    assertThat(parse("esp-at-transcript 1\nrules: -\n> AT\\r\\n\n").rules()).isEmpty();
  }

  @Test
  @DisplayName("firmware bounds compare number by number; =4.1 takes every 4.1.x")
  void firmwareBounds() {
    assertThat(FirmwareCondition.parse(">=2.3").test("2.2.0.0")).isFalse();
    assertThat(FirmwareCondition.parse(">=2.3").test("3.0.0.0")).isTrue();
    assertThat(FirmwareCondition.parse("<3.0").test("2.2.0.0")).isTrue();
    assertThat(FirmwareCondition.parse("=4.1").test("4.1.2.0")).isTrue();
    assertThat(FirmwareCondition.parse("=4.1").test("4.0.0.0")).isFalse();
    assertThat(FirmwareCondition.parse(">3.1 <=4.1").test("4.1.0.0")).isTrue();
  }

  @Test
  @DisplayName("the built-in suite's files all read, and its index lists every one of them")
  void builtInReads() throws java.io.IOException {
    List<Transcript> all = dev.espat.conformance.Suite.builtIn().transcripts();
    java.nio.file.Path dir = java.nio.file.Path.of("src/main/resources/dev/espat/conformance/suite");
    try (var files = java.nio.file.Files.list(dir)) {
      List<String> onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txn"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
      assertThat(all).extracting(Transcript::name).containsExactlyInAnyOrderElementsOf(onDisk);
    }
  }
}
