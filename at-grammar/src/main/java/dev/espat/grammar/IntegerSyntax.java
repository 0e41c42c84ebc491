package dev.espat.grammar;

/** P-08: integers are decimal, may be negative, or {@code 0x}/{@code 0X} hex; 32-bit. */
final class IntegerSyntax {
  private static final int MAX_DIGITS = 16;

  /**
   * Above every 32-bit magnitude: the value stops growing here, so that sixteen hex digits cannot
   * overflow a long and wrap back into the 32-bit range.
   */
  private static final long SATURATED = 1L << 32;

  private IntegerSyntax() {}

  static int parse(int index, byte[] text) {
    int length = text.length;
    boolean hex = length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    boolean negative = !hex && length > 1 && text[0] == '-';
    int start = hex ? 2 : negative ? 1 : 0;
    int radix = hex ? 16 : 10;
    if (length == start) {
      throw new ParameterException(index, "must be an integer (decimal or 0x hex), got an empty value");
    }
    if (length - start > MAX_DIGITS) {
      throw new ParameterException(index, "has " + (length - start) + " digits, too many for a 32-bit integer");
    }
    long value = 0;
    for (int i = start; i < length; i++) {
      int digit = Character.digit(text[i] & 0xFF, radix);
      if (digit < 0 || text[i] < 0) {
        throw new ParameterException(
            index, "must be an integer (decimal or 0x hex); character " + (i + 1) + " is not a " + (hex ? "hex " : "") + "digit");
      }
      value = Math.min(value * radix + digit, SATURATED);
    }
    value = negative ? -value : value;
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new ParameterException(index, "is out of the 32-bit integer range");
    }
    return (int) value;
  }
}
