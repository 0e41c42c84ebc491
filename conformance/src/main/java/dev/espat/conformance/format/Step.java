package dev.espat.conformance.format;

import java.time.Duration;
import java.util.List;

/**
 * One line of a transcript that does something: send, expect, or a directive. Each step knows
 * the line it came from, for messages.
 */
public sealed interface Step {

  /** The 1-based line in the transcript file. */
  int line();

  /** The line as written. */
  String source();

  /** {@code > TEXT}: sends the bytes of the line, escapes read and placeholders filled in. */
  record Send(int line, String source, Template template) implements Step {}

  /** {@code >hex 41 54 0d 0a}: sends these bytes. */
  record SendHex(int line, String source, byte[] bytes) implements Step {
    public SendHex {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /**
   * {@code >gen N}: sends the first N bytes of the test server's pseudo-random stream, the bytes
   * {@code /bytes/N} serves, generated as they are sent.
   */
  record SendGenerated(int line, String source, long length) implements Step {}

  /** How often an expectation must match in a row. */
  enum Repeat {
    /** {@code <}: once. */
    ONCE,
    /** {@code <*}: as often as it matches, maybe never. */
    ANY,
    /** {@code <+}: at least once. */
    AT_LEAST_ONCE
  }

  /** {@code < TEXT} (and {@code <*}, {@code <+}): what the device must write next, byte for byte. */
  record Expect(int line, String source, Template template, Repeat repeat) implements Step {}

  /**
   * {@code frames +NAME [max N] [min N] [gate] [checks...]}: body frames {@code +NAME:<n>,<n bytes>\r\n}
   * repeated until the device writes something else; their payloads together are checked.
   *
   * @param prefix {@code +HTTPCGET:}
   * @param max the largest payload a frame may have, 0 for no limit
   * @param minCount the fewest frames
   * @param gate whether the first frame opens the test server's gate ({@code /gate/N}, P-33)
   */
  record Frames(int line, String source, String prefix, int max, int minCount, boolean gate, List<BodyCheck> checks)
      implements Step {
    public Frames {
      checks = List.copyOf(checks);
    }
  }

  /** {@code expect-nothing for 300ms}: the device writes nothing for that long. */
  record ExpectNothing(int line, String source, Duration duration) implements Step {}

  /**
   * {@code within 5s}: the next step must be done within this long (and within the transcript's
   * timeout), such as {@code ready} after a reset or a join on a slow network.
   */
  record Within(int line, String source, Duration duration) implements Step {}

  /** {@code wait 200ms}: does nothing for that long; what arrives meanwhile is kept. */
  record Wait(int line, String source, Duration duration) implements Step {}

  /** {@code echo on|off}: ATE1 / ATE0, whatever the answer's echo. */
  record Echo(int line, String source, boolean on) implements Step {}

  /** {@code syslog on|off}: AT+SYSLOG=1 / 0. */
  record Syslog(int line, String source, boolean on) implements Step {}

  /** {@code wifi join}: the station gets an IP on the run's network, joining only if it has none. */
  record WifiJoin(int line, String source) implements Step {}

  /** {@code wifi leave}: AT+CWQAP, the station has no IP. */
  record WifiLeave(int line, String source) implements Step {}

  /**
   * {@code reset} (AT+RST) or {@code restore} (AT+RESTORE): OK, then {@code ready} (boot noise
   * before it is skipped), then the device settles (an auto-connect finishes); echo is on again.
   */
  record Reset(int line, String source, boolean factory) implements Step {}

  /** {@code reopen [after 1s]}: closes the port, waits, opens it again. */
  record Reopen(int line, String source, Duration after) implements Step {}

  /** {@code baud N} or {@code baud {baud}}: the host's side of a serial line switches rate. */
  record Baud(int line, String source, Template rate) implements Step {}

  /**
   * {@code server-saw none} or {@code server-saw METHOD /path}: what the test server received
   * since the transcript began or since the last {@code server-saw}.
   *
   * @param method null for "none"
   * @param path the request's path, its query not counted
   */
  record ServerSaw(int line, String source, String method, String path) implements Step {}

  /** {@code rate-begin}: from here, what the device writes is timed. */
  record RateBegin(int line, String source) implements Step {}

  /**
   * {@code rate-check [max 110%]}: what arrived since {@code rate-begin} came no faster than the
   * serial line's rate (P-50): 10 bits a byte.
   */
  record RateCheck(int line, String source, int maxPercent) implements Step {}
}
