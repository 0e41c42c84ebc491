package dev.espat.driver;

/**
 * The HTTP AT commands and the release each arrived in (P-27); a firmware without one answers
 * {@code ERROR} with sub-category 0x09.
 *
 * <pre>{@code
 * if (esp.capabilities().has(HttpCommand.HTTPCPUT)) { ... }
 * }</pre>
 */
public enum HttpCommand {
  HTTPCLIENT(2, 0),
  HTTPGETSIZE(2, 0),
  HTTPCGET(2, 3),
  HTTPCPOST(2, 3),
  HTTPURLCFG(2, 3),
  HTTPCPUT(3, 0),
  HTTPCHEAD(3, 1),
  HTTPCFG(4, 1);

  private final FirmwareVersion since;

  HttpCommand(int major, int minor) {
    this.since = FirmwareVersion.of(major, minor);
  }

  /** The first release that has the command. */
  public FirmwareVersion since() {
    return since;
  }

  /** The command's name as sent, with {@code +}: {@code +HTTPCGET}. */
  public String atName() {
    return "+" + name();
  }
}
