package dev.espat.emulator.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin API's optional bearer token. Compared in constant time, on digests so that the length
 * does not leak either; the token itself is never shown.
 */
final class BearerToken {
  private final Optional<byte[]> digest;

  BearerToken(Optional<String> token) {
    this.digest = token.map(BearerToken::sha256);
  }

  /** Whether requests need a token at all. */
  boolean required() {
    return digest.isPresent();
  }

  /** Why the {@code Authorization} header does not pass, or empty when it does. */
  Optional<String> refusal(String authorization) {
    if (digest.isEmpty()) {
      return Optional.empty();
    }
    if (authorization == null) {
      return Optional.of("this admin API needs the header 'Authorization: Bearer <token>'");
    }
    String value = authorization.strip();
    if (!value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      return Optional.of("the Authorization header must be 'Bearer <token>'");
    }
    byte[] given = sha256(value.substring("bearer ".length()).strip());
    return MessageDigest.isEqual(given, digest.get()) ? Optional.empty() : Optional.of("the bearer token is wrong");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
