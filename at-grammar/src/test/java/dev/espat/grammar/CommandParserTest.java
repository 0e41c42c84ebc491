package dev.espat.grammar;

import static dev.espat.grammar.Bytes.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

  private static AtCommand parse(String line) {
    return CommandParser.parse(of(line));
  }

  private static CommandSyntaxException rejection(String line) {
    try {
      parse(line);
    } catch (CommandSyntaxException e) {
      return e;
    }
    throw new AssertionError("accepted: " + Bytes.show(of(line)));
  }

  @Test
  @DisplayName("P-01 P-06: bare AT is the execute form of the empty name")
  void bareAt() {
    assertThat(parse("AT\r\n")).isEqualTo(AtCommand.execute(""));
  }

  @ParameterizedTest(name = "P-06: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "AT+GMR|+GMR|EXECUTE",
        "AT+CWMODE?|+CWMODE|QUERY",
        "AT+CWMODE=?|+CWMODE|TEST",
        "AT+CWMODE=1|+CWMODE|SET",
        "ATE0|E0|EXECUTE",
        "AT+UART_CUR=115200,8,1,0,0|+UART_CUR|SET"
      })
  void fourCommandTypes(String text, String name, CommandType type) {
    AtCommand cmd = parse(text + "\r\n");
    assertThat(cmd.name()).isEqualTo(name);
    assertThat(cmd.type()).isEqualTo(type);
  }

  @Test
  @DisplayName("P-03: the name after AT+ is matched case-insensitively")
  void nameIsCaseInsensitive() {
    assertThat(parse("AT+httpcget=\"http://h/\"\r\n").name()).isEqualTo("+HTTPCGET");
    assertThat(parse("ATe1\r\n").name()).isEqualTo("E1");
  }

  @ParameterizedTest(name = "P-03: prefix {0} answers sub-category 0x03")
  @ValueSource(strings = {"at\r\n", "At+GMR\r\n", "aT\r\n", "+GMR\r\n", "A\r\n", "\r\n", "HELLO\r\n"})
  void prefixMustBeUpperCaseAt(String line) {
    CommandSyntaxException e = rejection(line);
    assertThat(e).isInstanceOf(MissingPrefixException.class);
    assertThat(e.errorCode()).isEqualTo(ErrorCode.of(SubCategory.NO_AT_PREFIX_OR_TOO_LONG, 0));
    assertThat(e.getMessage()).contains("AT");
  }

  @Test
  @DisplayName("P-01: a line must end with CR LF; a bare LF answers sub-category 0x02")
  void terminator() {
    assertThat(rejection("AT\n")).isInstanceOf(MissingTerminatorException.class)
        .hasMessageContaining("no CR");
    assertThat(rejection("AT").errorCode().toString()).isEqualTo("0x01020000");
    assertThat(rejection("")).hasMessageContaining("no LF");
  }

  @Test
  @DisplayName("P-02: 256 bytes with CR LF pass, 257 are rejected with 0x01030000")
  void lineLimit() {
    String ok = "AT+X=\"" + "a".repeat(256 - 9) + "\"\r\n";
    assertThat(of(ok)).hasSize(256);
    assertThat(parse(ok).string(1)).hasSize(247);
    String tooLong = "AT+X=\"" + "a".repeat(257 - 9) + "\"\r\n";
    CommandSyntaxException e = rejection(tooLong);
    assertThat(e).isInstanceOf(LineTooLongException.class).hasMessageContaining("257").hasMessageContaining("256");
    assertThat(e.errorCode().line()).isEqualTo("ERR CODE:0x01030000");
  }

  @ParameterizedTest(name = "P-06: malformed form {0}")
  @ValueSource(strings = {"AT+\r\n", "AT+GMR?x\r\n", "AT+GM R\r\n", "AT+GMR!\r\n", "AT+C-W\r\n", "AT\u00e9\r\n"})
  void malformedFormsAreUnknownCommands(String line) {
    CommandSyntaxException e = rejection(line);
    assertThat(e).isInstanceOf(MalformedCommandException.class);
    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED);
  }

  @Test
  @DisplayName("P-07: quoted strings, escapes of quote, comma and backslash")
  void escapes() {
    AtCommand cmd = parse("AT+CWJAP=\"my\\,ssid\",\"p\\\"w\\\\d\"\r\n");
    assertThat(cmd.parameterCount()).isEqualTo(2);
    assertThat(cmd.string(1)).isEqualTo("my,ssid");
    assertThat(cmd.string(2)).isEqualTo("p\"w\\d");
  }

  @Test
  @DisplayName("P-07: any escaped byte is literal, \\x gives x")
  void anyEscape() {
    assertThat(parse("AT+X=\"\\a\\=\\?\"\r\n").string(1)).isEqualTo("a=?");
  }

  @Test
  @DisplayName("P-07: an unescaped comma splits even between quotes")
  void commaSplitsInsideQuotes() {
    AtCommand cmd = parse("AT+X=\"a,b\"\r\n");
    assertThat(cmd.parameterCount()).isEqualTo(2);
    assertThatThrownBy(() -> cmd.string(1)).isInstanceOf(ParameterException.class)
        .hasMessageContaining("parameter 1").hasMessageContaining("does not close");
    assertThatThrownBy(() -> cmd.string(2)).isInstanceOf(ParameterException.class)
        .hasMessageContaining("parameter 2");
  }

  @Test
  @DisplayName("P-07: non-ASCII strings arrive as UTF-8")
  void utf8Strings() {
    assertThat(parse("AT+CWJAP=\"Caf\u00e9 \u2615\",\"\"\r\n").string(1)).isEqualTo("Caf\u00e9 \u2615");
    assertThat(parse("AT+CWJAP=\"x\",\"\"\r\n").string(2)).isEmpty();
  }

  @Test
  @DisplayName("P-08: empty fields are omitted, in any position")
  void omittedFields() {
    AtCommand cmd = parse("AT+HTTPCLIENT=2,0,\"http://h/\",,,1\r\n");
    assertThat(cmd.parameterCount()).isEqualTo(6);
    assertThat(cmd.isOmitted(4)).isTrue();
    assertThat(cmd.isOmitted(5)).isTrue();
    assertThat(cmd.isOmitted(7)).as("past the last field").isTrue();
    assertThat(cmd.optionalString(4)).isEmpty();
    assertThat(cmd.optionalInteger(5)).isEmpty();
    assertThat(cmd.integer(6)).isEqualTo(1);
    assertThat(parse("AT+X=\r\n").parameters()).containsExactly(Parameter.omitted());
    assertThat(parse("AT+X=,\r\n").parameters()).containsExactly(Parameter.omitted(), Parameter.omitted());
  }

  @ParameterizedTest(name = "P-08: {0} reads as {1}")
  @CsvSource({"0,0", "2048,2048", "-1,-1", "0x10,16", "0X1f,31", "007,7", "2147483647,2147483647", "-2147483648,-2147483648", "0x7fffffff,2147483647"})
  void integers(String text, int value) {
    assertThat(parse("AT+X=" + text + "\r\n").integer(1)).isEqualTo(value);
  }

  @ParameterizedTest(name = "P-09: {0} fails with the parameter's index")
  @ValueSource(strings = {"abc", "1a", "0x", "0xG", "-", "--1", "+1", " 1", "1 ", "2147483648", "0x80000000", "99999999999999999999", "0xFFFFFFFFFFFFFFFF", "0xFFFFFFFF80000000", "\"5\"", "1.5"})
  void badIntegersReportTheirIndex(String text) {
    AtCommand cmd = parse("AT+X=1," + text + "\r\n");
    assertThatThrownBy(() -> cmd.integer(2))
        .isInstanceOfSatisfying(ParameterException.class, e -> {
          assertThat(e.index()).isEqualTo(2);
          assertThat(e.errorCode().line()).isEqualTo("ERR CODE:0x01080002");
        })
        .hasMessageContaining("parameter 2");
  }

  @Test
  @DisplayName("P-09: out of range answers 0x08 with the index, naming the range")
  void range() {
    AtCommand cmd = parse("AT+HTTPCLIENT=9,0,\"http://h/\",,,1\r\n");
    assertThatThrownBy(() -> cmd.integer(1, 1, 5))
        .isInstanceOfSatisfying(ParameterException.class,
            e -> assertThat(e.errorCode().toString()).isEqualTo("0x01080001"))
        .hasMessageContaining("9").hasMessageContaining("1..5");
    assertThat(cmd.integer(2, 0, 3)).isZero();
  }

  @Test
  @DisplayName("P-09: a string where an integer belongs and the reverse")
  void typeMismatch() {
    AtCommand cmd = parse("AT+X=\"1\",ssid,,\r\n");
    assertThatThrownBy(() -> cmd.integer(1)).isInstanceOf(ParameterException.class).hasMessageContaining("quoted");
    assertThatThrownBy(() -> cmd.string(2)).isInstanceOf(ParameterException.class).hasMessageContaining("double quotes");
    assertThatThrownBy(() -> cmd.string(3)).isInstanceOf(ParameterException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> cmd.integer(4)).isInstanceOf(ParameterException.class).hasMessageContaining("parameter 4");
  }

  @ParameterizedTest(name = "P-09: malformed field {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"abc|does not close",
        "\"|does not close",
        "\"a\"b\"|inside the string",
        "ab\"c|does not start with one",
        "\"abc\\|lone backslash",
        "\"abc\\\"|does not close"
      })
  void malformedFields(String field, String problem) {
    AtCommand cmd = parse("AT+X=1," + field + "\r\n");
    assertThat(cmd.parameter(2)).isInstanceOf(Parameter.Malformed.class);
    assertThatThrownBy(() -> cmd.string(2)).isInstanceOf(ParameterException.class).hasMessageContaining(problem);
    assertThatThrownBy(() -> cmd.integer(2)).isInstanceOf(ParameterException.class).hasMessageContaining(problem);
  }

  @Test
  @DisplayName("P-09: a wrong parameter count answers sub-category 0x06")
  void count() {
    AtCommand cmd = parse("AT+CWMODE=1,2\r\n");
    cmd.requireParameterCount(1, 2);
    assertThatThrownBy(() -> cmd.requireParameterCount(1, 1))
        .isInstanceOfSatisfying(ParameterCountException.class,
            e -> assertThat(e.errorCode().toString()).isEqualTo("0x01060000"))
        .hasMessageContaining("AT+CWMODE takes 1 parameter, got 2");
  }

  @Test
  @DisplayName("P-09 messages do not repeat parameter contents, which may be passwords")
  void messagesDoNotLeakValues() {
    AtCommand cmd = parse("AT+CWJAP=\"ssid\",s3cr3t\r\n");
    assertThatThrownBy(() -> cmd.string(2)).message().doesNotContain("s3cr3t");
    assertThatThrownBy(() -> cmd.integer(2)).message().doesNotContain("s3cr3t");
  }

  @Test
  @DisplayName("P-23 / transcript 16: the header count and headers are separate fields")
  void httpcpostHeaderFields() {
    AtCommand cmd = parse("AT+HTTPCPOST=\"http://127.0.0.1:8080/post\",27,2,\"a: b\"\r\n");
    assertThat(cmd.parameterCount()).isEqualTo(4);
    assertThat(cmd.integer(3)).isEqualTo(2);
    assertThat(cmd.parameterCount() - 3).as("headers present").isEqualTo(1);
    assertThat(cmd.parameters().subList(3, 4)).containsExactly(Parameter.string("a: b"));
  }

  @Test
  @DisplayName("P-02: offset and length select the line inside a larger buffer")
  void parseSlice() {
    byte[] buffer = of("xxAT+GMR\r\nyy");
    assertThat(CommandParser.parse(buffer, 2, 8)).isEqualTo(AtCommand.execute("+GMR"));
  }

  @Test
  void parametersAreNumberedFromOne() {
    assertThatThrownBy(() -> parse("AT+X=1\r\n").parameter(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 1");
  }

  @Test
  void commandsCompareByValue() {
    assertThat(parse("AT+X=\"a\",1,\r\n"))
        .isEqualTo(AtCommand.set("+x", List.of(Parameter.string("a"), Parameter.integer(1), Parameter.omitted())));
  }
}
