package dev.espat.emulator.http;

/**
 * What AT+HTTPCFG sets (P-26): how TLS checks the server and whether the device shows a client
 * certificate.
 *
 * @param authMode 0 no server verification, 1 client certificate, 2 verify the server, 3 both
 * @param pkiNumber which client certificate (modes 1 and 3)
 * @param caNumber which CA certificate (modes 2 and 3)
 */
public record TlsSettings(int authMode, int pkiNumber, int caNumber) {

  /** The firmware's default: any server certificate is accepted, none is shown. */
  public static final TlsSettings NONE = new TlsSettings(0, 0, 0);

  public boolean verifiesServer() {
    return authMode == 2 || authMode == 3;
  }

  public boolean presentsClientCertificate() {
    return authMode == 1 || authMode == 3;
  }
}
