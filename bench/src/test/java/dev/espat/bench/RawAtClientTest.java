package dev.espat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The baseline must count exactly the body bytes, or the ratio the benchmarks report means nothing. */
class RawAtClientTest {

  @Test
  void countsFrameBytesByLengthEvenWhenTheyHoldCrLfAndOk() throws IOException {
    String device = "+HTTPCGET:6,OK\r\n\r\n\r\n+HTTPCGET:3,a,b\r\n+HTTPCGET:1,+\r\nOK\r\nleft over";
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    RawAtClient client = new RawAtClient(oneByteAtATime(device), sent);

    assertThat(client.download("AT+HTTPCGET=\"http://h/\"", "HTTPCGET")).isEqualTo(10);
    assertThat(client.frames()).isEqualTo(3);
    assertThat(sent.toString(StandardCharsets.US_ASCII)).isEqualTo("AT+HTTPCGET=\"http://h/\"\r\n");
  }

  @Test
  void ignoresOtherLinesUntilOk() throws IOException {
    String device = "ATE0\r\r\nready\r\n+CWJAP:\"x\"\r\nWIFI CONNECTED\r\n\r\nOK\r\n";
    RawAtClient client = new RawAtClient(oneByteAtATime(device), new ByteArrayOutputStream());

    client.execute("ATE0");
    assertThat(client.frames()).isZero();
  }

  @Test
  void failsOnErrorAndOnAClosedConnection() {
    RawAtClient failing = new RawAtClient(oneByteAtATime("ERR CODE:0x01090000\r\nERROR\r\n"), new ByteArrayOutputStream());
    assertThatThrownBy(() -> failing.execute("AT+X")).hasMessageContaining("ERROR");

    RawAtClient cut = new RawAtClient(oneByteAtATime("+HTTPCGET:10,abc"), new ByteArrayOutputStream());
    assertThatThrownBy(() -> cut.download("AT+HTTPCGET=\"u\"", "HTTPCGET")).hasMessageContaining("closed");
  }

  /** A stream that hands out one byte per read, so every split point is exercised. */
  private static InputStream oneByteAtATime(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }
}
