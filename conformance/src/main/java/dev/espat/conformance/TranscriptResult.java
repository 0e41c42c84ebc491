package dev.espat.conformance;

import dev.espat.conformance.format.Transcript;
import java.time.Duration;

/**
 * How one transcript went.
 *
 * @param transcript the transcript
 * @param verdict pass, fail or skip
 * @param reason for a failure, what went wrong in one line (the step's line number and text
 *     first); for a skip, why it did not run; empty for a pass
 * @param detail for a failure, the byte-level diff (expected, got, where they part); else empty
 * @param took how long it ran
 */
public record TranscriptResult(Transcript transcript, Verdict verdict, String reason, String detail, Duration took) {

  static TranscriptResult pass(Transcript t, Duration took) {
    return new TranscriptResult(t, Verdict.PASS, "", "", took);
  }

  static TranscriptResult skip(Transcript t, String why) {
    return new TranscriptResult(t, Verdict.SKIP, why, "", Duration.ZERO);
  }

  static TranscriptResult fail(Transcript t, String reason, String detail, Duration took) {
    return new TranscriptResult(t, Verdict.FAIL, reason, detail, took);
  }

  /** The transcript's name. */
  public String name() {
    return transcript.name();
  }
}
