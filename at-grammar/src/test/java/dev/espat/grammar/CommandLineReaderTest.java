package dev.espat.grammar;

import static dev.espat.grammar.Bytes.concat;
import static dev.espat.grammar.Bytes.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.grammar.CommandLineReader.Data;
import dev.espat.grammar.CommandLineReader.Input;
import dev.espat.grammar.CommandLineReader.Line;
import dev.espat.grammar.CommandLineReader.OverlongLine;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandLineReaderTest {

  private final CommandLineReader reader = new CommandLineReader();

  private List<Input> drain() {
    List<Input> inputs = new ArrayList<>();
    for (Optional<Input> in = reader.next(); in.isPresent(); in = reader.next()) {
      inputs.add(in.get());
    }
    return inputs;
  }

  @Test
  @DisplayName("P-01: nothing is handed out before the LF")
  void waitsForLf() {
    reader.receive(of("AT+GMR\r"));
    assertThat(drain()).isEmpty();
    assertThat(reader.partialLineLength()).isEqualTo(7);
    reader.receive(of("\nAT\r\n"));
    assertThat(drain()).containsExactly(new Line(of("AT+GMR\r\n")), new Line(of("AT\r\n")));
  }

  @Test
  @DisplayName("P-02: a 256-byte line passes, a 257-byte line is rejected whole and the next line is read")
  void overlong() {
    byte[] max = concat(of("AT+X=\""), of("a".repeat(256 - 9)), of("\"\r\n"));
    byte[] over = concat(of("AT+X=\""), of("a".repeat(257 - 9)), of("\"\r\n"));
    byte[] huge = concat(of("AT+X=\""), new byte[100_000], of("\"\r\n"));
    reader.receive(concat(max, over, huge, of("AT\r\n")));
    List<Input> inputs = drain();
    assertThat(inputs).containsExactly(new Line(max), new OverlongLine(257), new OverlongLine(huge.length), new Line(of("AT\r\n")));
    assertThat(((OverlongLine) inputs.get(1)).toException().errorCode().toString()).isEqualTo("0x01030000");
  }

  @Test
  @DisplayName("P-04: echo is the command-mode bytes, as they arrive, partial lines included")
  void echo() {
    reader.receive(of("AT"));
    assertThat(drain()).isEmpty();
    assertThat(reader.takeEcho()).isEqualTo(of("AT"));
    reader.receive(of("\r\n"));
    assertThat(drain()).hasSize(1);
    assertThat(reader.takeEcho()).isEqualTo(of("\r\n"));
    assertThat(reader.takeEcho()).isEmpty();
  }

  @Test
  @DisplayName("P-11: after the opening line, exactly n raw bytes, binary, unechoed, then command mode again")
  void dataMode() {
    byte[] body = concat(of("+++\r\nAT\r\n"), new byte[] {0, (byte) 0xFF, '\n'});
    reader.receive(concat(of("AT+HTTPCPOST=\"http://h/\"," + body.length + "\r\n"), body, of("AT\r\n")));
    Optional<Input> first = reader.next();
    assertThat(first).contains(new Line(of("AT+HTTPCPOST=\"http://h/\"," + body.length + "\r\n")));
    reader.takeEcho();
    reader.expectData(body.length);
    assertThat(reader.inDataMode()).isTrue();
    assertThat(reader.next()).contains(new Data(body, 0));
    assertThat(reader.takeEcho()).as("data mode is never echoed").isEmpty();
    assertThat(reader.inDataMode()).isFalse();
    assertThat(drain()).containsExactly(new Line(of("AT\r\n")));
  }

  @Test
  @DisplayName("P-11 P-13: data arriving in pieces is handed out in pieces, counting down")
  void dataInPieces() {
    reader.expectData(10);
    reader.receive(of("abc"));
    assertThat(drain()).containsExactly(new Data(of("abc"), 7));
    assertThat(drain()).as("the device waits; no timeout here").isEmpty();
    reader.receive(of("defghijAT\r\n"));
    assertThat(drain()).containsExactly(new Data(of("defghij"), 0), new Line(of("AT\r\n")));
  }

  @Test
  @DisplayName("P-13: abandoning data mode drops what was still expected")
  void abandon() {
    reader.expectData(10);
    reader.receive(of("abc"));
    drain();
    assertThat(reader.abandonData()).isEqualTo(7);
    reader.receive(of("AT\r\n"));
    assertThat(drain()).containsExactly(new Line(of("AT\r\n")));
  }

  @Test
  void dataModeOnlyBetweenLines() {
    reader.receive(of("AT"));
    drain();
    assertThatThrownBy(() -> reader.expectData(5)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new CommandLineReader().expectData(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a reset forgets partial input and data mode")
  void reset() {
    reader.receive(of("AT+GM"));
    drain();
    reader.reset();
    reader.receive(of("AT\r\n"));
    assertThat(drain()).containsExactly(new Line(of("AT\r\n")));
  }

  @Test
  @DisplayName("P-02: memory stays bounded while a line without LF goes on for ever")
  void boundedMemory() {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'a');
    for (int i = 0; i < 64; i++) {
      reader.receive(chunk);
      assertThat(drain()).isEmpty();
    }
    reader.receive(of("\r\n"));
    assertThat(drain()).containsExactly(new OverlongLine(64L * chunk.length + 2));
    ByteArrayOutputStream echo = new ByteArrayOutputStream();
    echo.writeBytes(reader.takeEcho());
    assertThat(echo.size()).as("the echo is the caller's to take; it holds what was read").isEqualTo(64 * chunk.length + 2);
  }
}
