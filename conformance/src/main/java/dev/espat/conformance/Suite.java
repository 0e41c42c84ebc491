package dev.espat.conformance;

import dev.espat.conformance.format.Transcript;
import dev.espat.conformance.format.TranscriptFormatException;
import dev.espat.conformance.format.TranscriptParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A set of transcripts in a fixed order: the built-in suite (resources of this module), a
 * directory of {@code *.txn} files, or one file.
 *
 * <pre>{@code
 * Suite all = Suite.builtIn();
 * Suite mine = Suite.load(Path.of("my-transcripts"));      // every *.txn below it, by path
 * Suite one = Suite.load(Path.of("recorded.txn"));
 * }</pre>
 */
public final class Suite {
  /** Where the built-in transcripts are, and the index that lists them in order. */
  static final String RESOURCES = "/dev/espat/conformance/suite/";

  private final String origin;
  private final List<Transcript> transcripts;

  private Suite(String origin, List<Transcript> transcripts) {
    this.origin = origin;
    this.transcripts = List.copyOf(transcripts);
  }

  /** Where the transcripts came from, for messages: {@code built-in} or a path. */
  public String origin() {
    return origin;
  }

  public List<Transcript> transcripts() {
    return transcripts;
  }

  /**
   * The suite that comes with the runner: at least one transcript per rule id of the spec and
   * every golden transcript of its §8.
   */
  public static Suite builtIn() {
    List<Transcript> all = new ArrayList<>();
    for (String name : resource("index").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      all.add(TranscriptParser.parse("suite/" + name, resource(name)));
    }
    return checked("built-in", all);
  }

  private static String resource(String name) {
    try (InputStream in = Suite.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("the built-in suite lacks " + RESOURCES + name);
      }
      return TranscriptParser.decode("suite/" + name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A directory (every {@code *.txn} below it, in path order) or one transcript file.
   *
   * @throws TranscriptFormatException naming the file and line of the first problem, or the path
   *     when it holds no transcript
   */
  public static Suite load(Path path) {
    if (Files.isRegularFile(path)) {
      return checked(path.toString(), List.of(TranscriptParser.parse(path)));
    }
    if (!Files.isDirectory(path)) {
      throw new TranscriptFormatException(path.toString(), 0, "no such file or directory");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".txn") && Files.isRegularFile(p))
          .sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new TranscriptFormatException(path.toString(), 0, "cannot be read: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new TranscriptFormatException(path.toString(), 0, "holds no *.txn transcript");
    }
    return checked(path.toString(), files.stream().map(TranscriptParser::parse).toList());
  }

  /** Names must be unique: results and JUnit XML are keyed by them. */
  private static Suite checked(String origin, List<Transcript> transcripts) {
    Map<String, Transcript> byName = new HashMap<>();
    for (Transcript t : transcripts) {
      Transcript other = byName.putIfAbsent(t.name(), t);
      if (other != null) {
        throw new TranscriptFormatException(t.source(), 0, "is named '" + t.name() + "', like " + other.source());
      }
    }
    return new Suite(origin, transcripts);
  }

  /** The transcripts that name at least one of {@code rules} (all when it is empty). */
  public Suite onlyRules(List<String> rules) {
    return rules.isEmpty() ? this : only(t -> t.rules().stream().anyMatch(rules::contains));
  }

  /** The transcripts {@code keep} accepts, in the same order. */
  public Suite only(java.util.function.Predicate<Transcript> keep) {
    return new Suite(origin, transcripts.stream().filter(keep).toList());
  }
}
