package dev.espat.conformance;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The report a person reads: a failure as soon as it happens (its reason and byte diff), then one
 * line per rule id with its verdict and the transcripts behind it, then a summary.
 *
 * <pre>
 * FAIL p33-streaming (P-33) line 9 'frames +HTTPCLIENT gate body /bytes/20000': ...
 *   expected: ...
 *
 * P-01  PASS  golden-01-at, p01-terminator
 * P-44  PASS  p44-uart-query; skipped: p44-uart-switch (needs a serial line ...)
 * ...
 * 75 transcripts: 68 passed, 0 failed, 7 skipped; 39 rules: 36 pass, 0 fail, 3 skip (29.1 s)
 * </pre>
 */
public final class TextReport {
  private final PrintWriter out;
  private final boolean verbose;

  /** @param verbose also print each transcript that passes or is skipped, as it finishes */
  public TextReport(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  /** One transcript finished: a failure always shows, with its diff. */
  public void transcript(TranscriptResult r) {
    if (r.verdict() == Verdict.FAIL) {
      out.println();
      out.println("FAIL " + r.name() + " (" + rules(r) + ") " + r.reason());
      if (!r.detail().isEmpty()) {
        out.println(r.detail());
      }
    } else if (verbose) {
      out.println(r.verdict() + " " + r.name() + (r.reason().isEmpty() ? "" : ": " + r.reason()));
    }
    out.flush();
  }

  /**
   * The rule lines and the summary.
   *
   * @param wholeSpec whether the run meant to cover the whole spec: then rule ids no transcript
   *     names, and the golden transcripts present, are listed
   */
  public void summary(ConformanceReport report, boolean wholeSpec) {
    for (RuleResult rule : report.rules()) {
      out.println(rule.rule() + "  " + rule.verdict() + "  " + transcripts(rule));
    }
    List<TranscriptResult> unassigned = report.results().stream().filter(r -> r.transcript().rules().isEmpty()).toList();
    for (TranscriptResult r : unassigned) {
      out.println("(no rule)  " + r.verdict() + "  " + r.name() + (r.verdict() == Verdict.SKIP ? " (" + r.reason() + ")" : ""));
    }
    if (wholeSpec && !report.uncoveredRules().isEmpty()) {
      out.println("not named by any transcript of this suite: " + String.join(" ", report.uncoveredRules()));
    }
    List<Integer> golden = report.goldenCovered().stream().toList();
    if (wholeSpec && !golden.isEmpty()) {
      List<Integer> missing = IntStream.rangeClosed(1, dev.espat.conformance.format.Rules.GOLDEN_TRANSCRIPTS)
          .filter(g -> !golden.contains(g)).boxed().toList();
      out.println("golden transcripts (spec §8): " + (missing.isEmpty() ? "all 16"
          : golden.stream().map(String::valueOf).collect(Collectors.joining(" ")) + "; missing "
              + missing.stream().map(String::valueOf).collect(Collectors.joining(" "))));
    }
    List<RuleResult> rules = report.rules();
    out.println(String.format(Locale.ROOT, "%d transcripts: %d passed, %d failed, %d skipped; %d rules: %d pass, %d fail, %d skip (%.1f s)",
        report.results().size(), report.count(Verdict.PASS), report.count(Verdict.FAIL), report.count(Verdict.SKIP),
        rules.size(), count(rules, Verdict.PASS), count(rules, Verdict.FAIL), count(rules, Verdict.SKIP),
        report.took().toMillis() / 1000.0));
    out.flush();
  }

  private static long count(List<RuleResult> rules, Verdict v) {
    return rules.stream().filter(r -> r.verdict() == v).count();
  }

  private static String rules(TranscriptResult r) {
    return r.transcript().rules().isEmpty() ? "no rule" : String.join(" ", r.transcript().rules());
  }

  /** Passed and failed transcripts by name (failed marked), then the skipped ones with why. */
  private static String transcripts(RuleResult rule) {
    String ran = rule.transcripts().stream().filter(t -> t.verdict() != Verdict.SKIP)
        .map(t -> t.name() + (t.verdict() == Verdict.FAIL ? " (FAILED)" : "")).collect(Collectors.joining(", "));
    String skipped = rule.transcripts().stream().filter(t -> t.verdict() == Verdict.SKIP)
        .map(t -> t.name() + " (" + t.reason() + ")").collect(Collectors.joining(", "));
    if (skipped.isEmpty()) {
      return ran;
    }
    return ran.isEmpty() ? skipped : ran + "; skipped: " + skipped;
  }
}
