package dev.espat.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ByteDiffTest {

  @Test
  @DisplayName("expected and got, escaped, with a caret under the first difference and its offset")
  void caret() {
    String diff = ByteDiff.render("\\r\\nOK\\r\\n", "\r\nERROR\r\n".getBytes(StandardCharsets.US_ASCII), 2, "'OK\\r\\n'", new Masking(null));
    assertThat(diff.lines()).containsExactly(
        "  expected: \\r\\nOK\\r\\n",
        "  got:      \\r\\nERROR\\r\\n",
        "                ^ byte 2: expected 'OK\\r\\n', got 'E' (0x45)");
  }

  @Test
  @DisplayName("a long answer is shown as a window around the difference")
  void window() {
    byte[] got = ("x".repeat(500) + "Y" + "z".repeat(500)).getBytes(StandardCharsets.US_ASCII);
    String diff = ByteDiff.render("...", got, 500, "'y'", new Masking(null));
    assertThat(diff).contains("got:      ... " + "x".repeat(64) + "Y").contains("(405 more bytes)").contains("^ byte 500");
    String caretLine = diff.lines().toList().get(2);
    String gotLine = diff.lines().toList().get(1);
    assertThat(gotLine.charAt(caretLine.indexOf('^'))).isEqualTo('Y');
  }

  @Test
  @DisplayName("secrets are masked: a CWJAP password and the run's password wherever it shows")
  void masking() {
    Masking m = new Masking("s3cr3t-pw");
    String diff = ByteDiff.render("AT+CWJAP=\"home\",\"s3cr3t-pw\"\\r\\n",
        "echo s3cr3t-pw".getBytes(StandardCharsets.US_ASCII), 0, "'A'", m);
    assertThat(diff).doesNotContain("s3cr3t-pw").contains("***");
  }
}
