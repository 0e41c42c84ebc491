package dev.espat.grammar;

import java.util.Optional;

/** The sub-categories of an ESP-AT error code (P-15): bits 16..23 of {@link ErrorCode}. */
public enum SubCategory {
  COMMON(0x01),
  NO_TERMINATOR(0x02),
  NO_AT_PREFIX_OR_TOO_LONG(0x03),
  PARAMETER_LENGTH_MISMATCH(0x04),
  PARAMETER_TYPE_MISMATCH(0x05),
  PARAMETER_COUNT_MISMATCH(0x06),
  INVALID_PARAMETER(0x07),
  /** The extension is the 1-based index of the parameter (P-09). */
  PARAMETER_PARSE_FAILURE(0x08),
  UNSUPPORTED_COMMAND(0x09),
  /** HTTP failures carry 0x7000 or 0x7000 + status in the extension (P-16). */
  COMMAND_EXECUTION_FAILED(0x0A),
  BUSY(0x0B),
  OPERATION_TYPE_NOT_ALLOWED(0x0C);

  private final int code;

  SubCategory(int code) {
    this.code = code;
  }

  /** The sub-category's number as it appears in the error code. */
  public int code() {
    return code;
  }

  /** The sub-category with this number, if the spec names one. */
  public static Optional<SubCategory> fromCode(int code) {
    for (SubCategory s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
