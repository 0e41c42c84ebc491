package dev.espat.emulator.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * The client TLS contexts for each AT+HTTPCFG setting (P-26), built once from the certificate
 * files the emulator was given and kept.
 */
final class TlsContexts {
  private final HttpOptions options;
  private final Map<TlsSettings, SslContext> contexts = new ConcurrentHashMap<>();

  TlsContexts(HttpOptions options) {
    this.options = options;
  }

  /**
   * The context for a setting.
   *
   * @throws SSLException when a certificate index names no file given, or a file is not PEM
   */
  SslContext forSettings(TlsSettings settings) throws SSLException {
    SslContext cached = contexts.get(settings);
    if (cached != null) {
      return cached;
    }
    SslContext built = build(settings);
    contexts.putIfAbsent(settings, built);
    return built;
  }

  private SslContext build(TlsSettings settings) throws SSLException {
    try {
      return builder(settings).build();
    } catch (IllegalArgumentException e) {
      throw new SSLException("cannot read the certificate files: " + e.getMessage(), e);
    }
  }

  private SslContextBuilder builder(TlsSettings settings) throws SSLException {
    SslContextBuilder builder = SslContextBuilder.forClient();
    if (settings.verifiesServer()) {
      builder.trustManager(pick(options.caCertificates(), settings.caNumber(), "CA certificate (--ca-cert)").toFile())
          .endpointIdentificationAlgorithm("HTTPS");
    } else {
      // Mode 0/1: the firmware skips every server check, the host name included.
      builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
    }
    if (settings.presentsClientCertificate()) {
      HttpOptions.ClientCertificate c = pick(options.clientCertificates(), settings.pkiNumber(), "client certificate (--client-cert)");
      builder.keyManager(c.certificate().toFile(), c.key().toFile());
    }
    return builder;
  }

  private static <T> T pick(List<T> files, int index, String what) throws SSLException {
    if (index < 0 || index >= files.size()) {
      throw new SSLException("no " + what + " number " + index + "; the emulator was given " + files.size());
    }
    return files.get(index);
  }
}
