package dev.espat.emulator.http;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the emulator's HTTP engine reaches the network, fixed when the emulator starts.
 *
 * <pre>{@code
 * new HttpOptions(Map.of("example.com:80", new InetSocketAddress("127.0.0.1", 8080)),
 *     false, List.of(Path.of("ca.pem")), List.of());
 * }</pre>
 *
 * @param resolves {@code host:port} the firmware asks for, mapped to where the engine connects
 *     instead (like curl's {@code --resolve}); other names go through the machine's DNS
 * @param followRedirects follow up to {@link #MAX_REDIRECTS} redirects, as observed firmware does;
 *     off by default, as documented (P-20)
 * @param caCertificates PEM files AT+HTTPCFG's {@code ca_number} indexes (P-26)
 * @param clientCertificates certificate and key PEM files AT+HTTPCFG's {@code pki_number} indexes
 */
public record HttpOptions(
    Map<String, InetSocketAddress> resolves,
    boolean followRedirects,
    List<Path> caCertificates,
    List<ClientCertificate> clientCertificates) {

  /** P-20: how many redirects observed firmware follows. */
  public static final int MAX_REDIRECTS = 10;

  public HttpOptions {
    resolves = Map.copyOf(resolves);
    caCertificates = List.copyOf(caCertificates);
    clientCertificates = List.copyOf(clientCertificates);
  }

  /** Names through DNS, no redirects followed, no certificates. */
  public static HttpOptions defaults() {
    return new HttpOptions(Map.of(), false, List.of(), List.of());
  }

  /** The key {@link #resolves} is looked up by. */
  public static String resolveKey(String host, int port) {
    return host.toLowerCase(Locale.ROOT) + ":" + port;
  }

  /** Where to connect for a host and port the firmware asked for, if it is mapped. */
  public Optional<InetSocketAddress> resolved(String host, int port) {
    return Optional.ofNullable(resolves.get(resolveKey(host, port)));
  }

  /**
   * A client certificate and its private key, both PEM.
   *
   * @param certificate the certificate chain file
   * @param key the PKCS#8 private key file
   */
  public record ClientCertificate(Path certificate, Path key) {}
}
