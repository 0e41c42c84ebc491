package dev.espat.conformance;

import dev.espat.conformance.format.Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The outcome of a run: each transcript's result and each rule's verdict.
 *
 * @param device the port the device was on ({@code socket://127.0.0.1:3333})
 * @param firmware the release the transcripts were chosen for ({@code 4.1.0.0}), or empty when unknown
 * @param firmwareSource where that came from: {@code AT+GMR} or {@code --firmware}
 * @param server the test server's URLs
 * @param results every transcript's result, in suite order
 * @param took the whole run
 */
public record ConformanceReport(
    String device, String firmware, String firmwareSource, String server, List<TranscriptResult> results, Duration took) {

  public ConformanceReport {
    results = List.copyOf(results);
  }

  /** One result per rule id some transcript names, in the spec's order. */
  public List<RuleResult> rules() {
    List<RuleResult> rules = new ArrayList<>();
    for (String id : Rules.ALL) {
      List<TranscriptResult> naming = results.stream().filter(r -> r.transcript().rules().contains(id)).toList();
      if (!naming.isEmpty()) {
        rules.add(RuleResult.of(id, naming));
      }
    }
    return rules;
  }

  /** The spec's rule ids no transcript of this run names. */
  public List<String> uncoveredRules() {
    TreeSet<String> named = new TreeSet<>();
    results.forEach(r -> named.addAll(r.transcript().rules()));
    return Rules.ALL.stream().filter(id -> !named.contains(id)).toList();
  }

  /** The golden transcripts (§8) some transcript of this run is. */
  public TreeSet<Integer> goldenCovered() {
    TreeSet<Integer> g = new TreeSet<>();
    results.forEach(r -> g.addAll(r.transcript().golden()));
    return g;
  }

  public long count(Verdict verdict) {
    return results.stream().filter(r -> r.verdict() == verdict).count();
  }

  /** Whether nothing failed (skips allowed). */
  public boolean passed() {
    return count(Verdict.FAIL) == 0;
  }
}
