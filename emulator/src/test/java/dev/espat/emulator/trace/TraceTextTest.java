package dev.espat.emulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceTextTest {

  @Test
  void masksBeforeEscaping() {
    assertThat(TraceText.of("AT+CWJAP=\"home\",\"p\\,w\\\"1\"\r\n"))
        .isEqualTo("AT+CWJAP=\"home\",\"***\"\\r\\n");
    assertThat(TraceText.of("AT+CWJAP=\"home\",\"pw,1\\\"x\"\r\n")).as("a malformed password is hidden whole")
        .isEqualTo("AT+CWJAP=\"home\",***\\r\\n");
    assertThat(TraceText.of("Authorization: Basic Ym9iOnB3\r\nX: 1")).isEqualTo("Authorization: ***\\r\\nX: 1");
    assertThat(TraceText.of("AT+HTTPCGET=\"https://u:p@h/\"\r\n")).isEqualTo("AT+HTTPCGET=\"https://u:***@h/\"\\r\\n");
  }

  @Test
  void escapesEveryNonPrintableByte() {
    assertThat(TraceText.of(new byte[] {0, (byte) 0xFF, '\\', 'a', '\t'})).isEqualTo("\\x00\\xff\\\\a\\x09");
    assertThat(TraceText.of("caf\u00e9".getBytes(StandardCharsets.UTF_8))).isEqualTo("caf\\xc3\\xa9");
  }

  @Test
  void longWritesAreCutAndCounted() {
    String text = TraceText.of(new byte[TraceText.MAX_SHOWN + 10]);
    assertThat(text).endsWith(" ... (10 more bytes)");
  }
}
