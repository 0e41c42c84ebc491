package dev.espat.grammar.response;

import static dev.espat.grammar.Bytes.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.grammar.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the golden vectors do not cover: streaming frame parts and refusals. */
class ResponseEncoderTest {

  @Test
  @DisplayName("P-30 P-33: header, raw bytes, trailer equal the whole frame, so frames can stream")
  void streamingFrameParts() {
    byte[] body = of("part of a body\r\nOK\r\n");
    byte[] streamed = dev.espat.grammar.Bytes.concat(
        ResponseEncoder.frameHeader("HTTPCGET", body.length), body, ResponseEncoder.frameTrailer());
    assertThat(streamed).isEqualTo(ResponseEncoder.frame("HTTPCGET", body));
    assertThat(ResponseEncoder.frame("HTTPCGET", body, 5, 2)).isEqualTo(of("+HTTPCGET:2,of\r\n"));
  }

  @Test
  void refusals() {
    assertThatThrownBy(() -> ResponseEncoder.failure(ResultCode.OK, ErrorCode.BUSY, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OK");
    assertThatThrownBy(() -> ResponseEncoder.frameHeader("HTTPCGET", -1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> ResponseEncoder.frame("HTTPCGET", new byte[3], 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  @DisplayName("P-05: information lines are written as given, UTF-8, unescaped")
  void informationLine() {
    assertThat(ResponseEncoder.informationLine("CWJAP", "\"Caf\u00e9 \"x\"\"")).isEqualTo(of("+CWJAP:\"Caf\u00e9 \"x\"\"\r\n"));
  }
}
