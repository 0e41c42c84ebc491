package dev.espat.conformance.format;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the transcript format (docs/conformance.md). Every problem is a
 * {@link TranscriptFormatException} naming the file and the line.
 *
 * <pre>{@code
 * Transcript t = TranscriptParser.parse(Path.of("suite/golden-01-at.txn"));
 * }</pre>
 */
public final class TranscriptParser {
  /** A transcript file larger than this is refused: transcripts are read whole. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  /** The most bytes a {@code >gen} may send. */
  public static final long MAX_GENERATED = 1L << 30;

  private static final Pattern METADATA = Pattern.compile("([a-z][a-z-]*):(.*)");
  private static final Pattern RULE = Pattern.compile("P-[0-9]{2}");
  private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m)");
  private static final Set<String> METADATA_KEYS =
      Set.of("name", "rules", "golden", "transports", "firmware", "needs", "timeout", "description", "start");

  private final String source;
  private int lineNumber;

  private String name;
  private List<String> rules;
  private final List<Integer> golden = new ArrayList<>();
  private Transcript.TransportNeed transport = Transcript.TransportNeed.ANY;
  private FirmwareCondition firmware;
  private final Set<String> needs = new LinkedHashSet<>();
  private Duration timeout = Transcript.DEFAULT_TIMEOUT;
  private final StringBuilder description = new StringBuilder();
  private boolean cleanStart = true;
  private final List<Step> steps = new ArrayList<>();

  private TranscriptParser(String source) {
    this.source = source;
  }

  /** Reads a file; its name (without {@code .txn}) is the transcript's name unless it gives one. */
  public static Transcript parse(Path file) {
    String shown = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new TranscriptFormatException(shown, 0, "is " + size + " bytes; a transcript may have at most " + MAX_FILE_BYTES);
      }
      return parse(shown, decode(shown, Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new TranscriptFormatException(shown, 0, "cannot be read: " + e.getMessage());
    }
  }

  /** Reads bytes as UTF-8, refusing what is not. */
  public static String decode(String source, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new TranscriptFormatException(source, 0, "is not UTF-8 text (write raw bytes as \\xNN)");
    }
  }

  /**
   * Reads a transcript's text.
   *
   * @param source the file or resource name used in messages and as the default name
   */
  public static Transcript parse(String source, String text) {
    return new TranscriptParser(source).read(text);
  }

  private Transcript read(String text) {
    String[] lines = text.split("\r?\n", -1);
    lineNumber = 1;
    header(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      lineNumber = i + 1;
      String line = lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      try {
        line(line);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
    }
    lineNumber = 0;
    if (rules == null) {
      throw error("has no 'rules:' line; name the rule ids it checks, like 'rules: P-20 P-30', or 'rules: -'");
    }
    if (steps.isEmpty()) {
      throw error("has no steps");
    }
    checkLengths();
    if (steps.getLast() instanceof Step.Within w) {
      lineNumber = w.line();
      throw error("'within' bounds the next step, and none follows");
    }
    String fallback = Path.of(source).getFileName().toString().replaceFirst("\\.txn$", "");
    return new Transcript(source, name != null ? name : fallback, rules, golden, transport, Optional.ofNullable(firmware),
        needs, timeout, description.toString().strip(), cleanStart, steps);
  }

  private void header(String first) {
    String[] parts = first.strip().split("\\s+");
    if (parts.length != 2 || !parts[0].equals(Transcript.HEADER)) {
      throw error("a transcript starts with the line '" + Transcript.HEADER + " " + Transcript.VERSION + "'");
    }
    if (!parts[1].equals(Integer.toString(Transcript.VERSION))) {
      throw error("is format version " + parts[1] + "; this runner reads version " + Transcript.VERSION);
    }
  }

  private void line(String line) {
    if (line.startsWith(">") || line.startsWith("<")) {
      step(line);
      return;
    }
    Matcher meta = METADATA.matcher(line);
    if (meta.matches()) {
      metadata(meta.group(1), meta.group(2).strip());
      return;
    }
    directive(line.strip());
  }

  // ---- metadata ----------------------------------------------------------------------------

  private void metadata(String key, String value) {
    if (!METADATA_KEYS.contains(key)) {
      throw new IllegalArgumentException("unknown metadata '" + key + ":'; known: " + String.join(", ", new java.util.TreeSet<>(METADATA_KEYS)));
    }
    if (!steps.isEmpty()) {
      throw new IllegalArgumentException("'" + key + ":' comes after the first step; metadata goes at the top");
    }
    switch (key) {
      case "name" -> {
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
          throw new IllegalArgumentException("name '" + value + "' must be letters, digits, '.', '_' or '-'");
        }
        name = value;
      }
      case "rules" -> rules = rules(value);
      case "golden" -> {
        for (String n : value.split("[\\s,]+")) {
          int g = parseInt(n, "golden transcript number");
          if (g < 1 || g > Rules.GOLDEN_TRANSCRIPTS) {
            throw new IllegalArgumentException("golden " + g + ": the spec's golden transcripts are 1.." + Rules.GOLDEN_TRANSCRIPTS);
          }
          golden.add(g);
        }
      }
      case "transports" -> transport = switch (value.toLowerCase(Locale.ROOT)) {
        case "any" -> Transcript.TransportNeed.ANY;
        case "serial" -> Transcript.TransportNeed.SERIAL;
        default -> throw new IllegalArgumentException("transports '" + value + "': write 'any' or 'serial'");
      };
      case "firmware" -> firmware = FirmwareCondition.parse(value);
      case "needs" -> {
        for (String n : value.split("[\\s,]+")) {
          if (!Transcript.KNOWN_NEEDS.contains(n)) {
            throw new IllegalArgumentException("needs '" + n + "': known are " + Transcript.KNOWN_NEEDS);
          }
          needs.add(n);
        }
      }
      case "timeout" -> timeout = duration(value);
      case "description" -> description.append(value).append(' ');
      case "start" -> cleanStart = switch (value) {
        case "clean" -> true;
        case "as-is" -> false;
        default -> throw new IllegalArgumentException("start '" + value + "': write 'clean' (the default) or 'as-is'");
      };
      default -> throw new IllegalStateException(key);
    }
  }

  private static List<String> rules(String value) {
    if (value.equals("-")) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String id : value.split("[\\s,]+")) {
      if (!RULE.matcher(id).matches()) {
        throw new IllegalArgumentException("'" + id + "' is not a rule id like P-20");
      }
      if (!Rules.known(id)) {
        throw new IllegalArgumentException(id + " is not a rule of the spec (known: P-01..P-17, P-20..P-27, P-30..P-33, P-40..P-45, P-50..P-53)");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("'rules:' names no rule; write 'rules: P-20' or 'rules: -'");
    }
    return ids;
  }

  // ---- > and < ------------------------------------------------------------------------------

  private void step(String line) {
    int space = line.indexOf(' ');
    String marker = space < 0 ? line : line.substring(0, space);
    String rest = space < 0 ? "" : line.substring(space + 1);
    if (space < 0 && (marker.equals(">") || marker.equals("<") || marker.equals("<*") || marker.equals("<+"))) {
      throw new IllegalArgumentException("'" + marker + "' needs one space and then the bytes, like '> AT\\r\\n'");
    }
    switch (marker) {
      case ">" -> steps.add(new Step.Send(lineNumber, line, template(rest, Template.Side.SEND)));
      case ">hex" -> steps.add(new Step.SendHex(lineNumber, line, hex(rest)));
      case ">gen" -> {
        long n = parseLong(rest.strip(), "byte count of >gen");
        if (n < 1 || n > MAX_GENERATED) {
          throw new IllegalArgumentException(">gen " + n + ": the count must be 1.." + MAX_GENERATED);
        }
        steps.add(new Step.SendGenerated(lineNumber, line, n));
      }
      case "<", "<*", "<+" -> {
        Step.Repeat repeat = switch (marker) {
          case "<*" -> Step.Repeat.ANY;
          case "<+" -> Step.Repeat.AT_LEAST_ONCE;
          default -> Step.Repeat.ONCE;
        };
        Template t = template(rest, Template.Side.EXPECT);
        if (t.pieces().isEmpty()) {
          throw new IllegalArgumentException("a < line expects nothing; use 'expect-nothing for 300ms' to say the device stays silent");
        }
        if (repeat != Step.Repeat.ONCE && !(t.pieces().getFirst() instanceof Piece.Literal)) {
          throw new IllegalArgumentException("a repeated line (" + marker + ") starts with literal text, which tells where the repetition ends");
        }
        steps.add(new Step.Expect(lineNumber, line, t, repeat));
      }
      default -> throw new IllegalArgumentException("'" + marker + "' is not a step: a line starts with '> ', '< ', '<* ', '<+ ', '>hex ', '>gen ' or a directive");
    }
  }

  private static Template template(String text, Template.Side side) {
    return Template.parse(text, side);
  }

  private static byte[] hex(String text) {
    String digits = text.replaceAll("\\s+", "");
    if (digits.isEmpty() || digits.length() % 2 != 0) {
      throw new IllegalArgumentException(">hex takes bytes as pairs of hex digits, like '>hex 00 ff 2b'");
    }
    try {
      return HexFormat.of().parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(">hex '" + text.strip() + "' is not hex digits");
    }
  }

  // ---- directives ---------------------------------------------------------------------------

  private void directive(String line) {
    String[] words = line.split("\\s+");
    String word = words[0];
    int n = lineNumber;
    switch (word) {
      case "echo" -> steps.add(new Step.Echo(n, line, onOff(words)));
      case "syslog" -> steps.add(new Step.Syslog(n, line, onOff(words)));
      case "wifi" -> {
        expectWords(words, 2, "wifi join | wifi leave");
        steps.add(switch (words[1]) {
          case "join" -> new Step.WifiJoin(n, line);
          case "leave" -> new Step.WifiLeave(n, line);
          default -> throw new IllegalArgumentException("'wifi " + words[1] + "': write 'wifi join' or 'wifi leave'");
        });
      }
      case "reset", "restore" -> {
        expectWords(words, 1, word);
        steps.add(new Step.Reset(n, line, word.equals("restore")));
      }
      case "wait" -> {
        expectWords(words, 2, "wait 200ms");
        steps.add(new Step.Wait(n, line, duration(words[1])));
      }
      case "within" -> {
        expectWords(words, 2, "within 5s");
        steps.add(new Step.Within(n, line, duration(words[1])));
      }
      case "expect-nothing" -> {
        if (words.length == 3 && words[1].equals("for")) {
          steps.add(new Step.ExpectNothing(n, line, duration(words[2])));
        } else {
          throw new IllegalArgumentException("write 'expect-nothing for 300ms'");
        }
      }
      case "reopen" -> {
        Duration after = Duration.ZERO;
        if (words.length == 3 && words[1].equals("after")) {
          after = duration(words[2]);
        } else if (words.length != 1) {
          throw new IllegalArgumentException("write 'reopen' or 'reopen after 1s'");
        }
        steps.add(new Step.Reopen(n, line, after));
      }
      case "baud" -> {
        expectWords(words, 2, "baud 230400 | baud {baud}");
        Template rate = Template.parse(words[1], Template.Side.SEND);
        if (!words[1].matches("[0-9]{2,7}|\\{baud\\}")) {
          throw new IllegalArgumentException("baud '" + words[1] + "': a rate like 230400, or {baud} for the rate the port was opened at");
        }
        steps.add(new Step.Baud(n, line, rate));
      }
      case "server-saw" -> {
        if (words.length == 2 && words[1].equals("none")) {
          steps.add(new Step.ServerSaw(n, line, null, null));
        } else if (words.length == 3 && words[1].matches("[A-Z]+") && words[2].startsWith("/")) {
          steps.add(new Step.ServerSaw(n, line, words[1], words[2]));
        } else {
          throw new IllegalArgumentException("write 'server-saw none' or 'server-saw GET /path'");
        }
      }
      case "rate-begin" -> {
        expectWords(words, 1, "rate-begin");
        steps.add(new Step.RateBegin(n, line));
      }
      case "rate-check" -> {
        int max = 110;
        if (words.length == 3 && words[1].equals("max") && words[2].matches("[0-9]{2,3}%")) {
          max = Integer.parseInt(words[2].substring(0, words[2].length() - 1));
        } else if (words.length != 1) {
          throw new IllegalArgumentException("write 'rate-check' or 'rate-check max 110%'");
        }
        steps.add(new Step.RateCheck(n, line, max));
      }
      case "frames" -> steps.add(FramesDirective.parse(n, line));
      default -> throw new IllegalArgumentException("'" + word + "' is not a directive; known: echo, syslog, wifi, reset, restore, "
          + "wait, within, expect-nothing, reopen, baud, server-saw, rate-begin, rate-check, frames (and lines starting with > or <)");
    }
  }

  private static boolean onOff(String[] words) {
    expectWords(words, 2, words[0] + " on | " + words[0] + " off");
    return switch (words[1]) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException("'" + words[0] + " " + words[1] + "': write '" + words[0] + " on' or '" + words[0] + " off'");
    };
  }

  private static void expectWords(String[] words, int count, String form) {
    if (words.length != count) {
      throw new IllegalArgumentException("write '" + form + "'");
    }
  }

  /** {@code 300ms}, {@code 2s}, {@code 1.5s}, {@code 1m}. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration like 300ms, 2s or 1m");
    }
    double value = Double.parseDouble(m.group(1));
    double millis = switch (m.group(2)) {
      case "ms" -> value;
      case "s" -> value * 1000;
      default -> value * 60_000;
    };
    if (millis > 3_600_000) {
      throw new IllegalArgumentException("'" + text + "' is longer than an hour");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  static int parseInt(String text, String what) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a " + what);
    }
  }

  private static long parseLong(String text, String what) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a " + what);
    }
  }

  /** Every {@code {len}} of a {@code >} line needs a later payload to measure. */
  private void checkLengths() {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof Step.Send s && s.template().hasLength()) {
        boolean payloadFollows = steps.subList(i + 1, steps.size()).stream()
            .anyMatch(st -> st instanceof Step.Send || st instanceof Step.SendHex || st instanceof Step.SendGenerated);
        if (!payloadFollows) {
          lineNumber = s.line();
          throw error("{len} on a > line is the length of the next payload sent, and no > line follows");
        }
      }
    }
  }

  private TranscriptFormatException error(String problem) {
    return new TranscriptFormatException(source, lineNumber, problem);
  }
}
