package dev.espat.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates issued on the spot for the TLS tests: CAs, server and client certificates, valid,
 * expired or for another name, written as the PEM files the emulator is given (P-26).
 *
 * <pre>{@code
 * TestPki.Issued ca = TestPki.ca("Test CA");
 * TestPki.Issued server = TestPki.server(ca, "device.test", TestPki.VALID);
 * Path caPem = ca.writeCertificate(dir.resolve("ca.pem"));
 * }</pre>
 *
 * <p>Keys are EC P-256: quick to generate, and every TLS 1.2/1.3 stack of the JDK takes them.
 */
final class TestPki {
  /** Valid from an hour ago for a year. */
  static final Validity VALID = new Validity(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(365)));
  /** Expired yesterday, after a month. */
  static final Validity EXPIRED = new Validity(Instant.now().minus(Duration.ofDays(31)), Instant.now().minus(Duration.ofDays(1)));

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private TestPki() {}

  /** When a certificate is valid. */
  record Validity(Instant notBefore, Instant notAfter) {}

  /** A certificate and the key pair it certifies. */
  record Issued(X509Certificate certificate, KeyPair keys) {

    /** Writes the certificate as PEM; returns the file. */
    Path writeCertificate(Path file) {
      try {
        return write(file, "CERTIFICATE", certificate.getEncoded());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Writes the private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}); returns the file. */
    Path writeKey(Path file) {
      return write(file, "PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    String subject() {
      return certificate.getSubjectX500Principal().getName();
    }
  }

  /** A self-signed CA. */
  static Issued ca(String commonName) {
    KeyPair keys = newKeys();
    X500Name name = new X500Name("CN=" + commonName);
    return sign(name, keys, name, keys, VALID, b -> {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    });
  }

  /** A server certificate for a DNS name, issued by the CA. */
  static Issued server(Issued ca, String dnsName, Validity validity) {
    KeyPair keys = newKeys();
    return sign(new X500Name("CN=" + dnsName), keys, issuer(ca), ca.keys(), validity, b -> {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
    });
  }

  /** A server certificate for a DNS name that signs itself: no CA vouches for it. */
  static Issued selfSigned(String dnsName) {
    KeyPair keys = newKeys();
    X500Name name = new X500Name("CN=" + dnsName);
    return sign(name, keys, name, keys, VALID, b -> {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
    });
  }

  /** A client certificate, issued by the CA. */
  static Issued client(Issued ca, String commonName) {
    KeyPair keys = newKeys();
    return sign(new X500Name("CN=" + commonName + ",O=esp-at tests"), keys, issuer(ca), ca.keys(), VALID, b -> {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    });
  }

  private interface Extensions {
    void add(X509v3CertificateBuilder builder) throws IOException;
  }

  private static X500Name issuer(Issued ca) {
    return X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
  }

  private static Issued sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, Validity validity,
      Extensions extensions) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, subjectKeys.getPublic());
      b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
      b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
      extensions.add(b);
      X509Certificate cert = new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
      return new Issued(cert, subjectKeys);
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot issue a certificate for " + subject, e);
    }
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(Path file, String type, byte[] der) {
    String pem = "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
    try {
      return Files.writeString(file, pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
