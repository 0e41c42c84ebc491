package dev.espat.emulator.device;

/**
 * The UART settings of AT+UART_CUR and AT+UART_DEF (P-44).
 *
 * @param baud bits per second
 * @param dataBits 5..8
 * @param stopBits 1 (1 bit), 2 (1.5 bits), 3 (2 bits)
 * @param parity 0 none, 1 odd, 2 even
 * @param flowControl 0 none, 1 RTS, 2 CTS, 3 both
 */
public record UartConfig(int baud, int dataBits, int stopBits, int parity, int flowControl) {
  /** The factory setting: 115200 8N1, no flow control. */
  public static final UartConfig FACTORY = new UartConfig(115200, 8, 1, 0, 0);

  /** The fields as the firmware prints them after {@code +UART_CUR:}. */
  public String fields() {
    return baud + "," + dataBits + "," + stopBits + "," + parity + "," + flowControl;
  }
}
