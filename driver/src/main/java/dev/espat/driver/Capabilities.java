package dev.espat.driver;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a firmware release can do, derived from its version per P-27: which HTTP commands exist,
 * whether they take tx/rx sizes and a timeout, whether HTTP failures carry the status in their
 * error code (P-16).
 *
 * <pre>{@code
 * Capabilities caps = esp.capabilities();
 * caps.has(HttpCommand.HTTPCHEAD);        // false before 3.1
 * caps.statusSpecificErrorCodes();        // 0x010a7194 for a 404 from 4.1 on
 * }</pre>
 *
 * @param version the release the capabilities are derived from
 */
public record Capabilities(FirmwareVersion version) {

  private static final FirmwareVersion SIZE_AND_TIMEOUT = FirmwareVersion.of(3, 0);
  private static final FirmwareVersion STATUS_CODES = FirmwareVersion.of(4, 1);

  /** Whether the firmware has the command. */
  public boolean has(HttpCommand command) {
    return version.atLeast(command.since());
  }

  /** Every HTTP command the firmware has. */
  public Set<HttpCommand> httpCommands() {
    Set<HttpCommand> set = EnumSet.noneOf(HttpCommand.class);
    Arrays.stream(HttpCommand.values()).filter(this::has).forEach(set::add);
    return set;
  }

  /** Whether AT+HTTPCGET and AT+HTTPGETSIZE take tx size, rx size and timeout (P-27: 3.0). */
  public boolean sizeAndTimeoutParameters() {
    return version.atLeast(SIZE_AND_TIMEOUT);
  }

  /** Whether an HTTP status >= 400 is reported as 0x7000 + status (P-16, P-27: 4.1). */
  public boolean statusSpecificErrorCodes() {
    return version.atLeast(STATUS_CODES);
  }
}
