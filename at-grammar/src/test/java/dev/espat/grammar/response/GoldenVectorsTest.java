package dev.espat.grammar.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.grammar.Bytes;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both directions against one table: the device's bytes, and the host's reading of them. */
class GoldenVectorsTest {

  static List<GoldenVectors.Vector> vectors() {
    return GoldenVectors.all();
  }

  @ParameterizedTest(name = "encode {0}")
  @MethodSource("vectors")
  void encoderWritesTheSpecBytes(GoldenVectors.Vector v) {
    assertThat(Bytes.show(v.encoded())).isEqualTo(Bytes.show(v.wire()));
  }

  @ParameterizedTest(name = "decode {0}")
  @MethodSource("vectors")
  void decoderReadsThemSplitAnywhere(GoldenVectors.Vector v) {
    SplitFeeding.assertDecodesEverySplit(v.wire(), v.events());
  }

  @ParameterizedTest(name = "decode after {0}")
  @MethodSource("vectors")
  void eachVectorLeavesTheDecoderReadyForTheNext(GoldenVectors.Vector v) {
    // Two vectors back to back must decode as the two sequences: no state leaks across.
    byte[] twice = Bytes.concat(v.wire(), Bytes.of("\r\nOK\r\n"));
    List<ResponseEvent> expected = new java.util.ArrayList<>(v.events());
    expected.add(ResponseEvent.FinalResult.of(ResultCode.OK));
    assertThat(SplitFeeding.decode(DecoderLimits.defaults(), twice)).isEqualTo(expected);
  }
}
