package dev.espat.bench;

/** A benchmark that moved the wrong number of bytes measured nothing: it fails instead. */
final class Checks {
  private Checks() {}

  static void bodyLength(String who, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(who + " received " + actual + " body bytes, expected " + expected);
    }
  }
}
