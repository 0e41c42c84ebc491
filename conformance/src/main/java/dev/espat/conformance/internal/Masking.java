package dev.espat.conformance.internal;

import dev.espat.grammar.SecretMasker;

/**
 * Hides secrets in anything the runner prints or writes: what {@link SecretMasker} recognises
 * (AT+CWJAP passwords, URL passwords, Authorization values), and the run's Wi-Fi password
 * wherever it shows, in case a device echoes it somewhere unexpected.
 */
public final class Masking {
  private final String password;

  /** @param password the run's Wi-Fi password; null or empty for none */
  public Masking(String password) {
    this.password = password == null || password.length() < 3 ? null : password;
  }

  public String mask(String text) {
    String masked = SecretMasker.mask(text);
    return password == null ? masked : masked.replace(password, SecretMasker.MASK);
  }
}
