package dev.espat.conformance.internal;

/** A step that did not hold: a one-line reason, and a diff or what arrived. */
final class StepFailure extends Exception {
  private final String detail;

  StepFailure(String reason, String detail) {
    super(reason, null, false, false);
    this.detail = detail == null ? "" : detail;
  }

  String detail() {
    return detail;
  }
}
