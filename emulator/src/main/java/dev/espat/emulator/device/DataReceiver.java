package dev.espat.emulator.device;

/**
 * Takes the bytes of data mode (P-11) for the command that opened it. The command answers its
 * final result once {@code remaining} reaches 0.
 */
public interface DataReceiver {

  /** A chunk of raw bytes; {@code remaining} more are expected, 0 on the last chunk. */
  void data(byte[] chunk, long remaining, Exchange exchange);

  /**
   * Data mode ended before all bytes came: the optional data-mode timeout (P-13) ran out or the
   * host went away. By default the command fails with ERROR.
   */
  default void abandoned(Exchange exchange) {
    exchange.error(dev.espat.grammar.ErrorCode.of(dev.espat.grammar.SubCategory.COMMAND_EXECUTION_FAILED, 0));
  }
}
