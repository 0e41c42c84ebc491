package dev.espat.driver.http;

/**
 * How the device checks TLS servers and whether it shows a client certificate: AT+HTTPCFG's
 * {@code auth_mode}, {@code pki_number} and {@code ca_number} (P-26, firmware 4.1+). The numbers
 * index certificates already flashed into the device (the emulator's {@code --ca-cert} and
 * {@code --client-cert}); the driver does not upload certificates.
 *
 * <pre>{@code
 * esp.http().configureTls(HttpTls.verifyServer(0));       // check servers against CA 0
 * esp.http().configureTls(HttpTls.mutual(0, 0));          // and show client certificate 0
 * esp.http().configureTls(HttpTls.none());                // accept any certificate (the default)
 * }</pre>
 *
 * @param mode what the device checks
 * @param pkiNumber the client certificate and key, for {@link Mode#CLIENT_CERTIFICATE} and {@link Mode#MUTUAL}
 * @param caNumber the CA, for {@link Mode#VERIFY_SERVER} and {@link Mode#MUTUAL}
 */
public record HttpTls(Mode mode, int pkiNumber, int caNumber) {

  /** AT+HTTPCFG's auth_mode. */
  public enum Mode {
    /** 0: no server verification; TLS accepts any certificate. */
    NONE(0),
    /** 1: the device shows a client certificate; the server is not verified. */
    CLIENT_CERTIFICATE(1),
    /** 2: the server's certificate must chain to the CA and match the host. */
    VERIFY_SERVER(2),
    /** 3: both. */
    MUTUAL(3);

    private final int code;

    Mode(int code) {
      this.code = code;
    }

    /** The number sent. */
    public int code() {
      return code;
    }
  }

  public HttpTls {
    java.util.Objects.requireNonNull(mode, "mode");
    if (pkiNumber < 0 || caNumber < 0) {
      throw new IllegalArgumentException("certificate numbers are 0 or more: pki " + pkiNumber + ", ca " + caNumber);
    }
  }

  public static HttpTls none() {
    return new HttpTls(Mode.NONE, 0, 0);
  }

  public static HttpTls clientCertificate(int pkiNumber) {
    return new HttpTls(Mode.CLIENT_CERTIFICATE, pkiNumber, 0);
  }

  public static HttpTls verifyServer(int caNumber) {
    return new HttpTls(Mode.VERIFY_SERVER, 0, caNumber);
  }

  public static HttpTls mutual(int pkiNumber, int caNumber) {
    return new HttpTls(Mode.MUTUAL, pkiNumber, caNumber);
  }
}
