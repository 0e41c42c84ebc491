package dev.espat.grammar;

import static dev.espat.grammar.Bytes.concat;
import static dev.espat.grammar.Bytes.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.grammar.CommandLineReader.Input;
import dev.espat.grammar.CommandLineReader.Line;
import dev.espat.grammar.CommandLineReader.OverlongLine;
import dev.espat.grammar.response.ResponseEncoder;
import dev.espat.grammar.response.ResponseEvent;
import dev.espat.grammar.response.ResponseEvent.FinalResult;
import dev.espat.grammar.response.ResultCode;
import dev.espat.grammar.response.SplitFeeding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The golden transcripts of spec §8 that need no network, from the host's bytes to the device's
 * answer and back: the host's command is formatted, read by the device's line reader and parsed;
 * the device's answer is encoded and compared byte for byte; the host decodes it at every split.
 * What only a device knows (which commands exist, each parameter's range) is played here by a
 * two-entry table, as the emulator's handlers will play it.
 */
class GoldenTranscriptTest {

  /** The device's part that the grammar leaves to it: known commands and a parameter range. */
  private static byte[] device(Input input, boolean syslog) {
    try {
      AtCommand cmd = switch (input) {
        case Line l -> CommandParser.parse(l.bytes());
        case OverlongLine o -> throw o.toException();
        case CommandLineReader.Data d -> throw new AssertionError("no data mode here");
      };
      if (!Set.of("", "+HTTPCLIENT").contains(cmd.name())) {
        return ResponseEncoder.error(ErrorCode.UNSUPPORTED, syslog);
      }
      if (cmd.name().equals("+HTTPCLIENT")) {
        cmd.integer(1, 1, 5); // P-20: opt
      }
      return ResponseEncoder.result(ResultCode.OK);
    } catch (CommandSyntaxException e) {
      return ResponseEncoder.error(e.errorCode(), syslog);
    }
  }

  /** Runs one host line through the device and returns what the device writes. */
  private static byte[] exchange(byte[] host, boolean echo, boolean syslog) {
    CommandLineReader reader = new CommandLineReader();
    reader.receive(host);
    Input input = reader.next().orElseThrow();
    byte[] echoed = reader.takeEcho();
    assertThat(reader.next()).isEmpty();
    return concat(echo ? echoed : new byte[0], device(input, syslog));
  }

  private static void transcript(byte[] host, boolean echo, boolean syslog, String deviceWrites, List<ResponseEvent> hostReads) {
    byte[] written = exchange(host, echo, syslog);
    assertThat(Bytes.show(written)).isEqualTo(Bytes.show(of(deviceWrites)));
    SplitFeeding.assertDecodesEverySplit(written, hostReads);
  }

  @Test
  @DisplayName("transcript 1 (P-01 P-05): AT answers OK")
  void t1() {
    transcript(AtCommand.execute("").encode(), false, false, "\r\nOK\r\n", List.of(FinalResult.of(ResultCode.OK)));
  }

  @Test
  @DisplayName("transcript 2 (P-04): with echo on, the line comes back before OK")
  void t2() {
    transcript(of("AT\r\n"), true, false, "AT\r\n\r\nOK\r\n",
        List.of(new ResponseEvent.TextLine("AT"), FinalResult.of(ResultCode.OK)));
  }

  @Test
  @DisplayName("transcript 3 (P-05): an unknown command answers ERROR")
  void t3() {
    transcript(AtCommand.execute("+BOGUS").encode(), false, false, "\r\nERROR\r\n", List.of(FinalResult.of(ResultCode.ERROR)));
  }

  @Test
  @DisplayName("transcript 4 (P-14 P-15): with SYSLOG, the code comes first")
  void t4() {
    transcript(of("AT+BOGUS\r\n"), false, true, "ERR CODE:0x01090000\r\n\r\nERROR\r\n",
        List.of(FinalResult.of(ResultCode.ERROR, ErrorCode.UNSUPPORTED)));
  }

  @Test
  @DisplayName("transcript 5 (P-02): a 257-byte line answers ERROR, nothing executed")
  void t5() {
    byte[] line = concat(of("AT+HTTPCLIENT=2,0,\"http://h/"), of("x".repeat(257 - 35)), of("\",,,1\r\n"));
    assertThat(line).hasSize(257);
    assertThatThrownBy(() -> AtCommand.set("+HTTPCLIENT", Parameter.integer(2), Parameter.integer(0),
            Parameter.string("http://h/" + "x".repeat(257 - 35)), Parameter.omitted(), Parameter.omitted(), Parameter.integer(1)).encode())
        .as("the host side refuses to build it").isInstanceOf(LineTooLongException.class).hasMessageContaining("257");
    transcript(line, false, false, "\r\nERROR\r\n", List.of(FinalResult.of(ResultCode.ERROR)));
    transcript(line, false, true, "ERR CODE:0x01030000\r\n\r\nERROR\r\n",
        List.of(FinalResult.of(ResultCode.ERROR, ErrorCode.of(SubCategory.NO_AT_PREFIX_OR_TOO_LONG, 0))));
  }

  @Test
  @DisplayName("transcript 6 (P-09 P-20): opt 9 is a parse error on parameter 1")
  void t6() {
    byte[] host = AtCommand.set("+HTTPCLIENT", Parameter.integer(9), Parameter.integer(0), Parameter.string("http://h/"),
        Parameter.omitted(), Parameter.omitted(), Parameter.integer(1)).encode();
    assertThat(host).isEqualTo(of("AT+HTTPCLIENT=9,0,\"http://h/\",,,1\r\n"));
    transcript(host, false, true, "ERR CODE:0x01080001\r\n\r\nERROR\r\n",
        List.of(FinalResult.of(ResultCode.ERROR, ErrorCode.of(SubCategory.PARAMETER_PARSE_FAILURE, 1))));
  }

  @Test
  @DisplayName("transcript 16 (P-23), parse part: the header count and the headers given disagree")
  void t16() {
    AtCommand cmd = CommandParser.parse(of("AT+HTTPCPOST=\"http://h/post\",27,2,\"a: b\"\r\n"));
    int announced = cmd.integer(3);
    int given = cmd.parameterCount() - 3;
    assertThat(announced).isEqualTo(2);
    assertThat(given).isEqualTo(1);
  }
}
