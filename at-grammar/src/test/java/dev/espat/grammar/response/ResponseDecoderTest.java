package dev.espat.grammar.response;

import static dev.espat.grammar.Bytes.concat;
import static dev.espat.grammar.Bytes.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.grammar.AtGrammarException;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.MalformedResponseException;
import dev.espat.grammar.ResponseLimitExceededException;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import dev.espat.grammar.response.ResponseEvent.FinalResult;
import dev.espat.grammar.response.ResponseEvent.InformationLine;
import dev.espat.grammar.response.ResponseEvent.TextLine;
import dev.espat.grammar.response.ResponseEvent.UnsolicitedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseDecoderTest {

  private static final FinalResult OK = FinalResult.of(ResultCode.OK);

  /** Decodes everything, collecting exceptions in place of events, as a host would go on reading. */
  private static List<Object> decodeThrough(ResponseDecoder decoder, byte[] wire) {
    decoder.receive(wire);
    List<Object> out = new ArrayList<>();
    while (true) {
      try {
        var e = decoder.next();
        if (e.isEmpty()) {
          return out;
        }
        out.add(e.get());
      } catch (AtGrammarException ex) {
        out.add(ex);
      }
    }
  }

  private static Throwable thrown(Object decoded) {
    assertThat(decoded).isInstanceOf(AtGrammarException.class);
    return (Throwable) decoded;
  }

  @Test
  @DisplayName("P-30: a frame announcing more bytes than the limit is refused, naming the limit, and skipped")
  void frameLimit() {
    ResponseDecoder decoder = new ResponseDecoder(DecoderLimits.defaults().withMaxFrameLength(100));
    List<Object> out = decodeThrough(decoder, of("+HTTPCGET:101,abc\r\n\r\nOK\r\n"));
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).isInstanceOfSatisfying(ResponseLimitExceededException.class, e -> {
      assertThat(e.limit()).isEqualTo("maxFrameLength");
      assertThat(e.limitValue()).isEqualTo(100);
      assertThat(e).hasMessageContaining("+HTTPCGET").hasMessageContaining("101").hasMessageContaining("maxFrameLength (100)");
    });
    assertThat(out.get(1)).isEqualTo(OK);
  }

  @Test
  @DisplayName("P-30: a frame length with more digits than any int is refused, not overflowed")
  void hugeFrameLength() {
    List<Object> out = decodeThrough(new ResponseDecoder(), of("+HTTPCGET:99999999999999999999,x\r\nOK\r\n"));
    assertThat(out.get(0)).isInstanceOf(ResponseLimitExceededException.class);
    assertThat(out.get(1)).isEqualTo(OK);
  }

  @Test
  @DisplayName("a line beyond maxLineLength is refused, and memory stays bounded while it lasts")
  void lineLimit() {
    ResponseDecoder decoder = new ResponseDecoder(DecoderLimits.defaults().withMaxLineLength(64));
    byte[] chunk = of("x".repeat(1000));
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      out.addAll(decodeThrough(decoder, chunk));
      assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(65);
    }
    out.addAll(decodeThrough(decoder, of("\r\n\r\nOK\r\n")));
    assertThat(out).hasSize(2);
    assertThat(thrown(out.get(0))).isInstanceOf(ResponseLimitExceededException.class)
        .hasMessageContaining("maxLineLength (64)");
    assertThat(out.get(1)).isEqualTo(OK);
  }

  @Test
  @DisplayName("a line exactly at maxLineLength, with its CR, is accepted")
  void lineAtLimit() {
    ResponseDecoder decoder = new ResponseDecoder(DecoderLimits.defaults().withMaxLineLength(16));
    assertThat(decodeThrough(decoder, of("0123456789abcdef\r\n"))).containsExactly(new TextLine("0123456789abcdef"));
    assertThat(decodeThrough(decoder, of("0123456789abcdefg\r\n")).get(0)).isInstanceOf(ResponseLimitExceededException.class);
  }

  @Test
  @DisplayName("P-30: a frame whose bytes are not followed by CR LF is reported and dropped, the rest is read")
  void frameWithoutTrailer() {
    List<Object> out = decodeThrough(new ResponseDecoder(), of("+HTTPCGET:3,abcd\r\n\r\nOK\r\n"));
    assertThat(out).hasSize(3);
    assertThat(thrown(out.get(0))).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("+HTTPCGET of 3 bytes").hasMessageContaining("'d'");
    assertThat(out.get(1)).isEqualTo(new TextLine("d"));
    assertThat(out.get(2)).isEqualTo(OK);
    ResponseDecoder decoder = new ResponseDecoder();
    decodeThrough(decoder, of("+HTTPCGET:3,abcd"));
    assertThat(decoder.bufferedBytes()).as("a dropped frame is not held").isEqualTo(1);
    List<Object> halfTrailer = decodeThrough(new ResponseDecoder(), of("+HTTPCGET:3,abc\rX\r\nOK\r\n"));
    assertThat(thrown(halfTrailer.get(0))).isInstanceOf(MalformedResponseException.class).hasMessageContaining("'X'");
    assertThat(halfTrailer).endsWith(OK);
  }

  @ParameterizedTest(name = "P-14: unreadable code {0}")
  @ValueSource(strings = {"ERR CODE:0x123", "ERR CODE:zz", "ERR CODE:", "ERR CODE:0x0108000g"})
  void badErrorCodeLine(String line) {
    List<Object> out = decodeThrough(new ResponseDecoder(), of(line + "\r\n\r\nERROR\r\n"));
    assertThat(thrown(out.get(0))).isInstanceOf(MalformedResponseException.class).hasMessageContaining(line);
    assertThat(out.get(1)).isEqualTo(FinalResult.of(ResultCode.ERROR));
  }

  @Test
  @DisplayName("P-14: a code goes with the next failure only, not with OK")
  void codeAttachment() {
    List<Object> out = decodeThrough(new ResponseDecoder(), of("ERR CODE:0x01090000\r\n\r\nOK\r\n\r\nERROR\r\n"));
    assertThat(out).containsExactly(OK, FinalResult.of(ResultCode.ERROR));
    List<Object> afterReady = decodeThrough(new ResponseDecoder(), of("ERR CODE:0x01090000\r\n\r\nready\r\n\r\nERROR\r\n"));
    assertThat(afterReady).containsExactly(new ResponseEvent.Ready(), FinalResult.of(ResultCode.ERROR));
  }

  @Test
  @DisplayName("P-30: only configured commands frame; others with the same shape are lines")
  void frameCommandsAreConfigured() {
    byte[] wire = of("+CIPRECVDATA:5,hello\r\n");
    assertThat(decodeThrough(new ResponseDecoder(), wire))
        .containsExactly(new InformationLine("CIPRECVDATA", "5,hello"));
    ResponseDecoder custom = new ResponseDecoder(DecoderLimits.defaults().withFrameCommands(Set.of("ciprecvdata")));
    assertThat(decodeThrough(custom, of("+CIPRECVDATA:5,a\r\nbc\r\n")))
        .as("read by length: the CR LF inside is data")
        .containsExactly(new BodyFrame("CIPRECVDATA", of("a\r\nbc")));
  }

  @Test
  @DisplayName("P-30: a frame name without digits after the colon is an information line")
  void notAFrame() {
    assertThat(decodeThrough(new ResponseDecoder(), of("+HTTPCLIENT:x,y\r\n+HTTPCGET:,z\r\n")))
        .containsExactly(new InformationLine("HTTPCLIENT", "x,y"), new InformationLine("HTTPCGET", ",z"));
  }

  @Test
  @DisplayName("unsolicited messages are told apart from command output")
  void unsolicited() {
    assertThat(decodeThrough(new ResponseDecoder(),
            of("WIFI DISCONNECT\r\n+STA_CONNECTED:\"aa:bb\"\r\n0,CONNECT\r\n1,CLOSED\r\nNo AP\r\n+CWJAP:1\r\n")))
        .containsExactly(
            new UnsolicitedMessage("WIFI DISCONNECT"),
            new UnsolicitedMessage("+STA_CONNECTED:\"aa:bb\""),
            new UnsolicitedMessage("0,CONNECT"),
            new UnsolicitedMessage("1,CLOSED"),
            new TextLine("No AP"),
            new InformationLine("CWJAP", "1"));
  }

  @Test
  @DisplayName("P-05: bare LF line ends and invalid UTF-8 are read, not refused")
  void tolerantLines() {
    assertThat(decodeThrough(new ResponseDecoder(), concat(of("OK\n"), new byte[] {(byte) 0xFF, '\r', '\n'})))
        .containsExactly(OK, new TextLine("\uFFFD"));
  }

  @Test
  @DisplayName("reset drops a half-read frame")
  void reset() {
    ResponseDecoder decoder = new ResponseDecoder();
    decoder.receive(of("+HTTPCGET:10,abc"));
    assertThat(decoder.drain()).isEmpty();
    assertThat(decoder.bufferedBytes()).isEqualTo(10);
    decoder.reset();
    assertThat(decoder.bufferedBytes()).isZero();
    assertThat(decodeThrough(decoder, of("\r\nOK\r\n"))).containsExactly(OK);
  }

  @Test
  void limitsAreChecked() {
    assertThatThrownBy(() -> DecoderLimits.defaults().withMaxLineLength(3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLineLength");
    assertThatThrownBy(() -> DecoderLimits.defaults().withMaxFrameLength(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFrameLength");
  }

  @Test
  @DisplayName("P-16: a failure's code gives the HTTP status")
  void statusFromCode() {
    List<Object> out = decodeThrough(new ResponseDecoder(), of("ERR CODE:0x010a71f4\r\n\r\nERROR\r\n"));
    FinalResult r = (FinalResult) out.get(0);
    assertThat(r.errorCode().flatMap(c -> c.httpStatus().isPresent() ? java.util.Optional.of(c.httpStatus().getAsInt()) : java.util.Optional.empty()))
        .contains(500);
    assertThat(r.errorCode()).contains(ErrorCode.forHttpStatus(500));
  }
}
