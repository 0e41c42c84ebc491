package dev.espat.grammar.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.grammar.AtCommand;
import dev.espat.grammar.AtGrammarException;
import dev.espat.grammar.AtLimits;
import dev.espat.grammar.CommandLineReader;
import dev.espat.grammar.CommandParser;
import dev.espat.grammar.LineTooLongException;
import dev.espat.grammar.Parameter;
import dev.espat.grammar.UnencodableParameterException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Randomized checks of the command side; each case's seed is in its failure message. */
class CommandFuzzTest {
  private static final int CASES = 3000;

  @Test
  @DisplayName("P-07 P-08: any string without CR, LF or NUL round-trips through encode and parse")
  void anyStringRoundTrips() {
    for (long seed = 0; seed < CASES; seed++) {
      Gen gen = new Gen(seed);
      String text = gen.text(gen.chance(0.2) ? 200 : 40, false);
      int number = gen.between(Integer.MIN_VALUE / 2, Integer.MAX_VALUE / 2) * 2;
      AtCommand cmd = AtCommand.set("+X", Parameter.string(text), Parameter.integer(number), Parameter.omitted());
      long expectedLength = expectedLength(text, number);
      String where = "seed " + seed + ", text " + text;
      if (expectedLength > AtLimits.MAX_COMMAND_LINE) {
        assertThatThrownBy(cmd::encode).as(where).isInstanceOf(LineTooLongException.class)
            .hasMessageContaining(Long.toString(expectedLength));
        continue;
      }
      byte[] line = cmd.encode();
      assertThat(line.length).as(where).isEqualTo(expectedLength);
      AtCommand parsed = CommandParser.parse(line);
      assertThat(parsed.string(1)).as(where).isEqualTo(text);
      assertThat(parsed.integer(2)).as(where).isEqualTo(number);
      assertThat(parsed.isOmitted(3)).as(where).isTrue();
      assertThat(parsed).as(where).isEqualTo(cmd);
    }
  }

  /** Computed independently of the formatter: prefix, escaped UTF-8, integer, CR LF. */
  private static long expectedLength(String text, int number) {
    long escapes = text.chars().filter(c -> c == ',' || c == '"' || c == '\\').count();
    return "AT+X=\"".length() + text.getBytes(StandardCharsets.UTF_8).length + escapes
        + "\",".length() + Integer.toString(number).length() + ",\r\n".length();
  }

  @Test
  @DisplayName("P-01: strings with CR, LF or NUL are refused, naming the byte and the parameter")
  void lineBreaksAreRefused() {
    for (long seed = 0; seed < CASES; seed++) {
      Gen gen = new Gen(seed);
      String text = gen.text(30, true);
      int bad = firstBad(text);
      AtCommand cmd = AtCommand.set("+X", Parameter.omitted(), Parameter.string(text));
      if (bad < 0) {
        continue;
      }
      String name = switch (text.charAt(bad)) {
        case '\r' -> "CR";
        case '\n' -> "LF";
        default -> "NUL";
      };
      assertThatThrownBy(cmd::encode).as("seed %d", seed).isInstanceOf(UnencodableParameterException.class)
          .hasMessageContaining("parameter 2").hasMessageContaining(name);
    }
  }

  private static int firstBad(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        return i;
      }
    }
    return -1;
  }

  private static final List<String> COMMAND_TOKENS =
      List.of("AT", "AT+", "at", "=", "?", "=?", ",", "\"", "\\", "\r\n", "\n", "\r", "0x", "-", "12", "HTTPCGET", "CWJAP", ",,");

  @Test
  @DisplayName("P-01 P-02 P-09: random input through reader and parser raises only the module's exceptions")
  void randomInputIsHandled() {
    for (long seed = 0; seed < CASES; seed++) {
      Gen gen = new Gen(seed);
      byte[] input = gen.bytes(gen.chance(0.1) ? 2000 : 300, COMMAND_TOKENS);
      CommandLineReader reader = new CommandLineReader();
      int from = 0;
      long dataExpected = 0;
      long dataSeen = 0;
      for (int cut : append(gen.cuts(input.length), input.length)) {
        reader.receive(input, from, cut - from);
        from = cut;
        for (Optional<CommandLineReader.Input> in = reader.next(); in.isPresent(); in = reader.next()) {
          switch (in.get()) {
            case CommandLineReader.Line l -> {
              assertThat(l.bytes().length).as("seed %d", seed).isLessThanOrEqualTo(AtLimits.MAX_COMMAND_LINE);
              exercise(seed, l.bytes());
              if (gen.chance(0.1)) {
                long n = gen.between(1, 50);
                reader.expectData(n);
                dataExpected += n;
              }
            }
            case CommandLineReader.OverlongLine o ->
                assertThat(o.length()).as("seed %d", seed).isGreaterThan(AtLimits.MAX_COMMAND_LINE);
            case CommandLineReader.Data d -> dataSeen += d.bytes().length;
          }
          reader.takeEcho();
        }
      }
      assertThat(dataSeen).as("seed %d: data bytes handed out", seed).isEqualTo(dataExpected - reader.dataRemaining());
    }
  }

  /** Parses a line and reads every field both ways, as a device's handlers might. */
  private static void exercise(long seed, byte[] line) {
    AtCommand cmd;
    try {
      cmd = CommandParser.parse(line);
    } catch (AtGrammarException expected) {
      assertThat(expected.getMessage()).as("seed %d", seed).isNotBlank();
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + seed + ": parse threw " + e, e);
    }
    for (int i = 1; i <= cmd.parameterCount() + 1; i++) {
      read(seed, cmd, i);
    }
  }

  private static void read(long seed, AtCommand cmd, int index) {
    List<Runnable> readers = List.of(
        () -> cmd.string(index), () -> cmd.integer(index), () -> cmd.integer(index, -5, 5),
        () -> cmd.optionalString(index), () -> cmd.optionalInteger(index), cmd::toString);
    for (Runnable r : readers) {
      try {
        r.run();
      } catch (AtGrammarException expected) {
        assertThat(expected.getMessage()).as("seed %d", seed).contains("parameter " + index);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ": reading parameter " + index + " of " + cmd + " threw " + e, e);
      }
    }
  }

  private static int[] append(int[] cuts, int last) {
    int[] all = java.util.Arrays.copyOf(cuts, cuts.length + 1);
    all[cuts.length] = last;
    return all;
  }
}
