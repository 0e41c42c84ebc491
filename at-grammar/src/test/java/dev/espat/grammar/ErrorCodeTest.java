package dev.espat.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ErrorCode: ERR CODE lines (P-14), code layout (P-15), HTTP failures (P-16)")
class ErrorCodeTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ERR CODE:0x010a7194", "0x010a7194", "ERR CODE:0x010A7194", "0X010A7194"})
  @DisplayName("P-14: a code is read with or without the ERR CODE: prefix, in either case, and printed in lower case")
  void p14_parseAndPrintRoundTrip(String text) {
    ErrorCode code = ErrorCode.parse(text);

    assertThat(code.value()).isEqualTo(0x010a7194);
    assertThat(code).hasToString("0x010a7194");
    assertThat(code.line()).isEqualTo("ERR CODE:0x010a7194");
    assertThat(ErrorCode.parse(code.line())).isEqualTo(code);
  }

  @Test
  @DisplayName("P-14: every code prints as 0x and eight hex digits, leading zeros kept")
  void p14_printsEightDigits() {
    assertThat(new ErrorCode(0x00000001)).hasToString("0x00000001");
    assertThat(new ErrorCode(0xff0a7194)).hasToString("0xff0a7194");
    assertThat(ErrorCode.parse("0xff0a7194").value()).isEqualTo(0xff0a7194);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "ERR CODE:0x123",
        "ERR CODE:0xZZZZZZZZ",
        "ERR CODE:",
        "",
        "0x010a71940",
        "ERR CODE:0x010a719",
        "ERR CODE:010a719400",
        "ERR CODE: 0x010a7194",
        "err code:0x010a7194",
        "ERR CODE:0x+10a7194",
        // Unicode digits are digits to Character.digit but not hex on the wire.
        "ERR CODE:0x\u0660\u0661\u0660a7194",
        "0x\uff10\uff11\uff10a7194"
      })
  @DisplayName("P-14: a malformed code is refused with MalformedResponseException naming the text")
  void p14_malformedCodesAreRefused(String text) {
    assertThatThrownBy(() -> ErrorCode.parse(text))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining('"' + text + '"');
  }

  @Test
  @DisplayName("P-15: module << 24 | sub-category << 16 | extension")
  void p15_accessors() {
    ErrorCode code = ErrorCode.parse("ERR CODE:0x010a7194");

    assertThat(code.module()).isEqualTo(ErrorCode.AT_MODULE).isEqualTo(0x01);
    assertThat(code.subCategoryCode()).isEqualTo(0x0a);
    assertThat(code.subCategory()).contains(SubCategory.COMMAND_EXECUTION_FAILED);
    assertThat(code.extension()).isEqualTo(0x7194);
  }

  @Test
  @DisplayName("P-15: the accessors read the top bit and unnamed sub-categories without sign errors")
  void p15_accessorsOfUnusualCodes() {
    ErrorCode code = ErrorCode.parse("0xfe7fabcd");

    assertThat(code.module()).isEqualTo(0xfe);
    assertThat(code.subCategoryCode()).isEqualTo(0x7f);
    assertThat(code.subCategory()).isEmpty();
    assertThat(code.extension()).isEqualTo(0xabcd);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subCategories")
  @DisplayName("P-15: of(sub-category, extension) places each named sub-category in bits 16..23")
  void p15_of(SubCategory subCategory, int number) {
    ErrorCode code = ErrorCode.of(subCategory, 0x0102);

    assertThat(code.value()).isEqualTo(0x01000000 | number << 16 | 0x0102);
    assertThat(code.subCategory()).contains(subCategory);
    assertThat(code.extension()).isEqualTo(0x0102);
  }

  static Stream<Arguments> subCategories() {
    return Stream.of(
        Arguments.of(SubCategory.COMMON, 0x01),
        Arguments.of(SubCategory.NO_TERMINATOR, 0x02),
        Arguments.of(SubCategory.NO_AT_PREFIX_OR_TOO_LONG, 0x03),
        Arguments.of(SubCategory.PARAMETER_LENGTH_MISMATCH, 0x04),
        Arguments.of(SubCategory.PARAMETER_TYPE_MISMATCH, 0x05),
        Arguments.of(SubCategory.PARAMETER_COUNT_MISMATCH, 0x06),
        Arguments.of(SubCategory.INVALID_PARAMETER, 0x07),
        Arguments.of(SubCategory.PARAMETER_PARSE_FAILURE, 0x08),
        Arguments.of(SubCategory.UNSUPPORTED_COMMAND, 0x09),
        Arguments.of(SubCategory.COMMAND_EXECUTION_FAILED, 0x0A),
        Arguments.of(SubCategory.BUSY, 0x0B),
        Arguments.of(SubCategory.OPERATION_TYPE_NOT_ALLOWED, 0x0C));
  }

  @Test
  @DisplayName("P-09/P-15: a parse failure of the second parameter is 0x01080002")
  void p15_parameterParseFailureCode() {
    assertThat(ErrorCode.of(SubCategory.PARAMETER_PARSE_FAILURE, 2)).hasToString("0x01080002");
  }

  @ParameterizedTest(name = "extension {0}")
  @ValueSource(ints = {-1, 0x10000, Integer.MAX_VALUE})
  @DisplayName("P-15: an extension that does not fit in 16 bits is refused")
  void p15_extensionMustFitSixteenBits(int extension) {
    assertThatThrownBy(() -> ErrorCode.of(SubCategory.COMMON, extension))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(extension));
  }

  @ParameterizedTest(name = "HTTP {0} <-> extension 0x{1}")
  @MethodSource("documentedHttpTable")
  @DisplayName("P-16: the documented table maps HTTP status and extension both ways")
  void p16_httpStatusTable(int status, String hexExtension) {
    int extension = Integer.parseInt(hexExtension, 16);
    ErrorCode fromStatus = ErrorCode.forHttpStatus(status);
    ErrorCode fromWire = ErrorCode.parse("ERR CODE:0x010a" + hexExtension);

    assertThat(fromStatus).isEqualTo(fromWire);
    assertThat(fromStatus.subCategory()).contains(SubCategory.COMMAND_EXECUTION_FAILED);
    assertThat(fromStatus.extension()).isEqualTo(extension);
    assertThat(fromWire.httpStatus()).hasValue(status);
    assertThat(fromWire.isHttpConnectionFailure()).isFalse();
  }

  /** P-16's table: 0x7190..0x71A1 for 400..417 and 0x71F4..0x71F9 for 500..505. */
  static Stream<Arguments> documentedHttpTable() {
    return Stream.concat(range(400, 0x7190, 0x71A1), range(500, 0x71F4, 0x71F9));
  }

  private static Stream<Arguments> range(int firstStatus, int firstExtension, int lastExtension) {
    return IntStream.rangeClosed(0, lastExtension - firstExtension)
        .mapToObj(i -> Arguments.of(firstStatus + i, String.format("%04X", firstExtension + i)));
  }

  @Test
  @DisplayName("P-16: the spec's examples, 404 -> 0x010a7194 and 500 -> 0x010a71f4")
  void p16_examples() {
    assertThat(ErrorCode.forHttpStatus(404).line()).isEqualTo("ERR CODE:0x010a7194");
    assertThat(ErrorCode.forHttpStatus(500).line()).isEqualTo("ERR CODE:0x010a71f4");
  }

  @Test
  @DisplayName("P-16: 0x010a7000 is a connection failure and carries no HTTP status")
  void p16_connectionFailure() {
    ErrorCode code = ErrorCode.parse("ERR CODE:0x010a7000");

    assertThat(code).isEqualTo(ErrorCode.HTTP_CONNECTION_FAILED);
    assertThat(code.isHttpConnectionFailure()).isTrue();
    assertThat(code.httpStatus()).isEmpty();
    assertThat(ErrorCode.forHttpStatus(404).isHttpConnectionFailure()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0x01087194", "0x020a7194", "0x010a7018", "0x010a0194"})
  @DisplayName("P-16: only sub-category 0x0A of module 0x01 with 0x7000 + status >= 400 reports a status")
  void p16_otherCodesCarryNoHttpStatus(String text) {
    assertThat(ErrorCode.parse(text).httpStatus()).isEmpty();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {399, 1000, 200, 0, -404})
  @DisplayName("P-16: a status outside 400..999 has no error code")
  void p16_nonFailureStatusIsRefused(int status) {
    assertThatThrownBy(() -> ErrorCode.forHttpStatus(status))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTP status " + status + " ");
  }
}
