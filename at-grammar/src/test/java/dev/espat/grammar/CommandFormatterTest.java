package dev.espat.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandFormatterTest {

  private static String encoded(AtCommand cmd) {
    return new String(cmd.encode(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("P-01 P-06: the four forms, each ending with CR LF")
  void forms() {
    assertThat(encoded(AtCommand.execute(""))).isEqualTo("AT\r\n");
    assertThat(encoded(AtCommand.execute("+gmr"))).isEqualTo("AT+GMR\r\n");
    assertThat(encoded(AtCommand.query("+SYSLOG"))).isEqualTo("AT+SYSLOG?\r\n");
    assertThat(encoded(AtCommand.test("+CWMODE"))).isEqualTo("AT+CWMODE=?\r\n");
    assertThat(encoded(AtCommand.execute("E0"))).isEqualTo("ATE0\r\n");
  }

  @Test
  @DisplayName("P-07 P-08: strings quoted and escaped, integers bare, omitted fields empty")
  void parameters() {
    AtCommand cmd = AtCommand.set("+CWJAP",
        Parameter.string("a,b"), Parameter.string("q\"\\"), Parameter.omitted(), Parameter.integer(-5));
    assertThat(encoded(cmd)).isEqualTo("AT+CWJAP=\"a\\,b\",\"q\\\"\\\\\",,-5\r\n");
    assertThat(CommandParser.parse(cmd.encode())).isEqualTo(cmd);
  }

  @Test
  @DisplayName("P-02: a line over 256 bytes is refused before it is sent")
  void tooLong() {
    AtCommand cmd = AtCommand.set("+HTTPCGET", Parameter.string("http://h/" + "x".repeat(300)));
    assertThatThrownBy(cmd::encode).isInstanceOf(LineTooLongException.class).hasMessageContaining("256");
  }

  @Test
  @DisplayName("P-02: escapes count towards the limit")
  void escapesCount() {
    // 5 + 2 quotes + 2 CR LF = 9 bytes around the value; 124 commas escaped are 248 bytes.
    AtCommand fits = AtCommand.set("+X", Parameter.string(",".repeat(123)));
    assertThat(fits.encode()).hasSize(255);
    AtCommand over = AtCommand.set("+X", Parameter.string(",".repeat(124)));
    assertThatThrownBy(over::encode).isInstanceOf(LineTooLongException.class).hasMessageContaining("257");
  }

  @Test
  @DisplayName("P-01: CR, LF and NUL cannot travel on a command line")
  void unencodable() {
    assertThatThrownBy(() -> AtCommand.set("+X", Parameter.integer(1), Parameter.string("a\nb")).encode())
        .isInstanceOf(UnencodableParameterException.class)
        .hasMessageContaining("parameter 2").hasMessageContaining("LF").hasMessageContaining("byte 2");
    assertThatThrownBy(() -> AtCommand.set("+X", Parameter.string("\r")).encode())
        .hasMessageContaining("CR");
    assertThatThrownBy(() -> AtCommand.set("+X", Parameter.string("\0")).encode())
        .hasMessageContaining("NUL");
  }

  @Test
  @DisplayName("toString shows the line without CR LF and never throws")
  void text() {
    assertThat(AtCommand.set("+X", Parameter.string("a\nb")).toString()).isEqualTo("AT+X=\"a<LF>b\"");
    assertThat(AtCommand.set("+X", Parameter.integer(1)).toString()).isEqualTo("AT+X=1");
  }

  @Test
  @DisplayName("P-06: names are checked when a command is built")
  void badNames() {
    assertThatThrownBy(() -> AtCommand.execute("+")).isInstanceOf(MalformedCommandException.class);
    assertThatThrownBy(() -> AtCommand.execute("+A=B")).isInstanceOf(MalformedCommandException.class)
        .hasMessageContaining("+A=B");
    assertThatThrownBy(() -> AtCommand.set("+X")).isInstanceOf(MalformedCommandException.class)
        .hasMessageContaining("at least one");
  }
}
