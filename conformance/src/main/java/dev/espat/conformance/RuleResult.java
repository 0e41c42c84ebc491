package dev.espat.conformance;

import java.util.List;

/**
 * One rule of the spec over the transcripts that name it: FAIL if any failed, PASS if none failed
 * and one passed, SKIP if all were skipped.
 *
 * @param rule {@code P-20}
 * @param verdict the rule's verdict
 * @param transcripts the results of the transcripts naming it, in suite order
 */
public record RuleResult(String rule, Verdict verdict, List<TranscriptResult> transcripts) {
  public RuleResult {
    transcripts = List.copyOf(transcripts);
  }

  static RuleResult of(String rule, List<TranscriptResult> results) {
    Verdict v = results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL) ? Verdict.FAIL
        : results.stream().anyMatch(r -> r.verdict() == Verdict.PASS) ? Verdict.PASS : Verdict.SKIP;
    return new RuleResult(rule, v, results);
  }
}
