package dev.espat.driver;

/**
 * AT+CWJAP failed with {@code +CWJAP:<code>} (P-42). Each code has its own type, so callers catch
 * what they can act on.
 *
 * <pre>{@code
 * try {
 *   esp.wifi().join("home", password);
 * } catch (WifiJoinException.WrongPassword e) {
 *   password = askAgain();
 * } catch (WifiJoinException.AccessPointNotFound e) {
 *   retryLater();
 * }
 * }</pre>
 */
public abstract sealed class WifiJoinException extends CommandFailedException {
  private static final long serialVersionUID = 1L;

  private final int reasonCode;

  private WifiJoinException(Response response, int reasonCode, String meaning) {
    super(response, "+CWJAP:" + reasonCode + ", " + meaning);
    this.reasonCode = reasonCode;
  }

  /** The code of {@code +CWJAP:<code>}: 1 to 4. */
  public int reasonCode() {
    return reasonCode;
  }

  /**
   * The typed failure for a {@code +CWJAP} code, or null for a code P-42 does not name.
   */
  static WifiJoinException of(Response response, int code) {
    return switch (code) {
      case 1 -> new Timeout(response);
      case 2 -> new WrongPassword(response);
      case 3 -> new AccessPointNotFound(response);
      case 4 -> new ConnectionFailed(response);
      default -> null;
    };
  }

  /** Code 1: the join did not finish within its timeout. */
  public static final class Timeout extends WifiJoinException {
    private static final long serialVersionUID = 1L;

    Timeout(Response response) {
      super(response, 1, "the join timed out");
    }
  }

  /** Code 2: the access point refused the password. */
  public static final class WrongPassword extends WifiJoinException {
    private static final long serialVersionUID = 1L;

    WrongPassword(Response response) {
      super(response, 2, "wrong password");
    }
  }

  /** Code 3: no access point with that SSID (and BSSID) answered. */
  public static final class AccessPointNotFound extends WifiJoinException {
    private static final long serialVersionUID = 1L;

    AccessPointNotFound(Response response) {
      super(response, 3, "access point not found");
    }
  }

  /** Code 4: the connection failed for another reason. */
  public static final class ConnectionFailed extends WifiJoinException {
    private static final long serialVersionUID = 1L;

    ConnectionFailed(Response response) {
      super(response, 4, "connection failed");
    }
  }
}
