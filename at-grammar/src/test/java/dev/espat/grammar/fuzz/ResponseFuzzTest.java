package dev.espat.grammar.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.grammar.AtGrammarException;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.SubCategory;
import dev.espat.grammar.response.DecoderLimits;
import dev.espat.grammar.response.ResponseDecoder;
import dev.espat.grammar.response.ResponseEncoder;
import dev.espat.grammar.response.ResponseEvent;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import dev.espat.grammar.response.ResponseEvent.Busy;
import dev.espat.grammar.response.ResponseEvent.DataPrompt;
import dev.espat.grammar.response.ResponseEvent.FinalResult;
import dev.espat.grammar.response.ResponseEvent.InformationLine;
import dev.espat.grammar.response.ResponseEvent.Ready;
import dev.espat.grammar.response.ResponseEvent.UnsolicitedMessage;
import dev.espat.grammar.response.ResultCode;
import dev.espat.grammar.response.SplitFeeding;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Randomized checks of the response side; each case's seed is in its failure message. */
class ResponseFuzzTest {
  private static final int CASES = 3000;

  private static final List<String> RESPONSE_TOKENS = List.of(
      "+HTTPCGET:", "+HTTPCLIENT:", "+HTTPURLCFG:", "+CWJAP:", "1", "12", "99999999999", ",", "\r\n", "\r", "\n",
      "OK", "ERROR", "SEND OK", "ERR CODE:0x", "ERR CODE:0x010a7194", "01080001", ">", "busy p...", "ready", "WIFI GOT IP");

  @Test
  @DisplayName("P-30: random output raises only the module's exceptions, never hangs, and stays within the limits")
  void randomOutputIsHandled() {
    DecoderLimits limits = DecoderLimits.defaults().withMaxLineLength(64).withMaxFrameLength(128);
    for (long seed = 0; seed < CASES; seed++) {
      Gen gen = new Gen(seed);
      byte[] output = gen.bytes(gen.chance(0.1) ? 5000 : 400, RESPONSE_TOKENS);
      ResponseDecoder decoder = new ResponseDecoder(limits);
      int from = 0;
      int largestSlice = 0;
      int[] cuts = gen.cuts(output.length);
      for (int i = 0; i <= cuts.length; i++) {
        int cut = i < cuts.length ? cuts[i] : output.length;
        decoder.receive(output, from, cut - from);
        largestSlice = Math.max(largestSlice, cut - from);
        from = cut;
        drainWithin(seed, decoder, output.length);
        assertThat(decoder.bufferedBytes()).as("seed %d: bytes held", seed)
            .isLessThanOrEqualTo(limits.maxLineLength() + 1L + limits.maxFrameLength());
      }
    }
  }

  /** Pulls until empty; a decoder that keeps producing past the input's size has hung. */
  private static void drainWithin(long seed, ResponseDecoder decoder, int inputLength) {
    int pulls = 0;
    while (true) {
      if (++pulls > inputLength * 4 + 100) {
        throw new AssertionError("seed " + seed + ": decoder still producing after " + pulls + " pulls");
      }
      try {
        if (decoder.next().isEmpty()) {
          return;
        }
      } catch (AtGrammarException expected) {
        assertThat(expected.getMessage()).as("seed %d", seed).isNotBlank();
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ": decoder threw " + e, e);
      }
    }
  }

  @Test
  @DisplayName("P-05 P-14 P-30: any sequence of encoded elements decodes back to its events, split anywhere")
  void encodedSequencesRoundTrip() {
    for (long seed = 0; seed < CASES / 3; seed++) {
      Gen gen = new Gen(seed);
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      List<ResponseEvent> expected = new ArrayList<>();
      int elements = gen.between(1, 8);
      for (int i = 0; i < elements; i++) {
        element(gen, wire, expected);
      }
      byte[] bytes = wire.toByteArray();
      assertThat(SplitFeeding.decode(DecoderLimits.defaults(), bytes, gen.cuts(bytes.length)))
          .as("seed %d", seed).isEqualTo(expected);
    }
  }

  /** Writes one random element and records what it must decode to. */
  private static void element(Gen gen, ByteArrayOutputStream wire, List<ResponseEvent> expected) {
    boolean syslog = gen.chance(0.5);
    ErrorCode code = gen.oneOf(List.of(ErrorCode.UNSUPPORTED, ErrorCode.forHttpStatus(gen.between(400, 599)),
        ErrorCode.of(SubCategory.PARAMETER_PARSE_FAILURE, gen.between(1, 9)), ErrorCode.HTTP_CONNECTION_FAILED));
    switch (gen.between(0, 8)) {
      case 0 -> {
        ResultCode r = gen.oneOf(List.of(ResultCode.OK, ResultCode.SEND_OK, ResultCode.SET_OK));
        wire.writeBytes(ResponseEncoder.result(r));
        expected.add(FinalResult.of(r));
      }
      case 1 -> {
        ResultCode r = gen.oneOf(List.of(ResultCode.ERROR, ResultCode.SEND_FAIL));
        wire.writeBytes(ResponseEncoder.failure(r, code, syslog));
        expected.add(syslog ? FinalResult.of(r, code) : FinalResult.of(r));
      }
      case 2 -> {
        wire.writeBytes(ResponseEncoder.busy(syslog));
        expected.add(new Busy("busy p...", syslog ? Optional.of(ErrorCode.BUSY) : Optional.empty()));
      }
      case 3 -> {
        wire.writeBytes(ResponseEncoder.ready());
        expected.add(new Ready());
      }
      case 4 -> {
        wire.writeBytes(ResponseEncoder.dataPrompt());
        expected.add(FinalResult.of(ResultCode.OK));
        expected.add(new DataPrompt());
      }
      case 5 -> {
        String name = gen.oneOf(List.of("CWJAP", "CWMODE", "HTTPGETSIZE", "HTTPCHEAD", "SYSLOG"));
        String value = gen.text(30, false).strip();
        wire.writeBytes(ResponseEncoder.informationLine(name, value));
        expected.add(new InformationLine(name, value));
      }
      case 6 -> {
        wire.writeBytes(ResponseEncoder.textLine("WIFI GOT IP"));
        expected.add(new UnsolicitedMessage("WIFI GOT IP"));
      }
      default -> {
        String command = gen.oneOf(List.copyOf(DecoderLimits.HTTP_FRAME_COMMANDS));
        byte[] data = gen.chance(0.3) ? "\r\nOK\r\n\r\nERROR\r\n>".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : gen.randomBytes(600);
        wire.writeBytes(ResponseEncoder.frame(command, data));
        expected.add(new BodyFrame(command, data));
      }
    }
  }
}
