package dev.espat.conformance.format;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One transcript: what it is called, which rules of the spec it checks, where it can run, and its
 * steps. Read with {@link TranscriptParser}; see docs/conformance.md for the format.
 *
 * @param source the file or resource it was read from
 * @param name its name ({@code name:}, else the file name without {@code .txn})
 * @param rules the rule ids it checks ({@code rules: P-20 P-30}); empty for {@code rules: -}
 * @param golden the numbers of the spec's golden transcripts (§8) it is
 * @param transport where it can run ({@code transports:})
 * @param firmware the releases it applies to ({@code firmware: >=4.1})
 * @param needs what else the run must offer ({@code needs: known-ap})
 * @param timeout how long it may take as a whole ({@code timeout: 30s})
 * @param description what it shows, in words
 * @param cleanStart whether the runner brings the device to its known state first ({@code start: clean}, the default)
 * @param steps what it does, in order
 */
public record Transcript(
    String source,
    String name,
    List<String> rules,
    List<Integer> golden,
    TransportNeed transport,
    Optional<FirmwareCondition> firmware,
    Set<String> needs,
    Duration timeout,
    String description,
    boolean cleanStart,
    List<Step> steps) {

  /** The first line of every transcript, with the format's version. */
  public static final String HEADER = "esp-at-transcript";

  /** The format version this code reads and writes. */
  public static final int VERSION = 1;

  /** How long a transcript may take unless it says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** What {@code needs:} may name. */
  public static final Set<String> KNOWN_NEEDS = Set.of("known-ap");

  /** What kind of line to the device a transcript needs. */
  public enum TransportNeed {
    /** Any port: serial, socket://. */
    ANY,
    /** A serial line with a rate (baud-rate changes, pacing): not a socket. */
    SERIAL
  }

  public Transcript {
    rules = List.copyOf(rules);
    golden = List.copyOf(golden);
    needs = Set.copyOf(needs);
    steps = List.copyOf(steps);
  }
}
