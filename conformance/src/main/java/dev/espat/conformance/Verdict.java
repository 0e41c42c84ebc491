package dev.espat.conformance;

/** How a transcript, or a rule taken over its transcripts, came out. */
public enum Verdict {
  /** Every step matched. For a rule: at least one transcript passed and none failed. */
  PASS,
  /** A step did not match, or the device stopped answering. For a rule: any transcript failed. */
  FAIL,
  /** Not run here: the port, firmware or run lacks what it needs (the reason says which). */
  SKIP
}
