package dev.espat.conformance.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test server's endpoints, read from a request path, and what each serves. The runner asks
 * the same table what a body should be ({@link #entity}), so a transcript can say
 * {@code body /bytes/5000} and have the device's frames checked against it.
 *
 * <pre>
 * /get                 {"conformance":"get"} (application/json)
 * /bytes/N             the first N bytes of {@link GeneratedBytes}, with a Content-Length
 * /chunked/N           the same bytes, Transfer-Encoding: chunked
 * /gzip/N              the same bytes gzipped, Content-Encoding: gzip (N up to 1 MiB)
 * /range/N             the same bytes; honours one "Range: bytes=A-B" with 206
 * /gate/N              the same bytes; the first 1024 at once, the rest once the runner opens the gate
 * /post, /put          echoes the request body (any method)
 * /headers             echoes the request line and headers, names in lower case, one a line
 * /status/CODE         that status, empty body
 * /status-body/CODE    that status, body "status CODE"
 * /slow/MS             waits MS milliseconds, then "slow"
 * /redirect/N          302 to /redirect/N-1, the last to /get; body "redirect to LOCATION"
 * /tricky              a body that looks like AT responses: CR LF, OK, ERROR, a frame header, NUL
 * </pre>
 */
public sealed interface Route {
  /** The largest {@code /bytes}, {@code /chunked}, {@code /range} or {@code /gate} body. */
  long MAX_BYTES = 256L << 20;

  /** The largest {@code /gzip} body: it is compressed in memory. */
  int MAX_GZIP = 1 << 20;

  /** The longest {@code /slow} wait. */
  int MAX_SLOW_MS = 60_000;

  /** The longest {@code /redirect} chain. */
  int MAX_REDIRECTS = 20;

  /** What {@code /gate/N} sends before it waits. */
  int GATE_HEAD = 1024;

  /** The body of {@code /get}. */
  byte[] GET_BODY = "{\"conformance\":\"get\"}".getBytes(StandardCharsets.US_ASCII);

  /** The body of {@code /slow/MS}. */
  byte[] SLOW_BODY = "slow".getBytes(StandardCharsets.US_ASCII);

  /** The body of {@code /tricky}. */
  byte[] TRICKY_BODY = "\r\nOK\r\n\r\nERROR\r\n+HTTPCGET:3,\0\u00ff\r\nready\r\n".getBytes(StandardCharsets.ISO_8859_1);

  record Get() implements Route {}

  record Bytes(long length) implements Route {}

  record Chunked(long length) implements Route {}

  record Gzip(int length) implements Route {}

  record Range(long length) implements Route {}

  record Gate(long length) implements Route {}

  record Echo() implements Route {}

  record Headers() implements Route {}

  record Status(int code, boolean withBody) implements Route {
    byte[] body() {
      return withBody ? ("status " + code).getBytes(StandardCharsets.US_ASCII) : new byte[0];
    }
  }

  record Slow(int millis) implements Route {}

  record Redirect(int remaining) implements Route {
    String location() {
      return remaining <= 1 ? "/get" : "/redirect/" + (remaining - 1);
    }

    byte[] body() {
      return ("redirect to " + location()).getBytes(StandardCharsets.US_ASCII);
    }
  }

  record Tricky() implements Route {}

  /** A path that is none of the above, or a number out of range: 404 saying why. */
  record NotFound(String why) implements Route {}

  /** How many bytes of a body {@link Entity#head()} holds. */
  int HEAD = 64 * 1024;

  /**
   * A body as the runner knows it in advance.
   *
   * @param length its length
   * @param sha256 its SHA-256
   * @param head its first {@link #HEAD} bytes, to point at the first byte that differs
   */
  record Entity(long length, byte[] sha256, byte[] head) {}

  Pattern NUMBERED = Pattern.compile("/([a-z-]+)/([0-9]{1,12})");

  /** The endpoint a path (without its query) names. */
  static Route of(String path) {
    switch (path) {
      case "/get" -> {
        return new Get();
      }
      case "/post", "/put" -> {
        return new Echo();
      }
      case "/headers" -> {
        return new Headers();
      }
      case "/tricky" -> {
        return new Tricky();
      }
      default -> { }
    }
    Matcher m = NUMBERED.matcher(path);
    if (!m.matches()) {
      return new NotFound("no endpoint " + path);
    }
    long n = Long.parseLong(m.group(2));
    return switch (m.group(1)) {
      case "bytes" -> n <= MAX_BYTES ? new Bytes(n) : tooBig(path, MAX_BYTES);
      case "chunked" -> n <= MAX_BYTES ? new Chunked(n) : tooBig(path, MAX_BYTES);
      case "range" -> n <= MAX_BYTES ? new Range(n) : tooBig(path, MAX_BYTES);
      case "gate" -> n > GATE_HEAD && n <= MAX_BYTES ? new Gate(n)
          : new NotFound(path + ": the size must be " + (GATE_HEAD + 1) + ".." + MAX_BYTES);
      case "gzip" -> n <= MAX_GZIP ? new Gzip((int) n) : tooBig(path, MAX_GZIP);
      case "status", "status-body" -> n >= 200 && n <= 599 ? new Status((int) n, m.group(1).equals("status-body"))
          : new NotFound(path + ": the status must be 200..599");
      case "slow" -> n <= MAX_SLOW_MS ? new Slow((int) n) : tooBig(path, MAX_SLOW_MS);
      case "redirect" -> n >= 1 && n <= MAX_REDIRECTS ? new Redirect((int) n)
          : new NotFound(path + ": the count must be 1.." + MAX_REDIRECTS);
      default -> new NotFound("no endpoint " + path);
    };
  }

  private static NotFound tooBig(String path, long max) {
    return new NotFound(path + ": at most " + max);
  }

  /**
   * What the device should hand on for a GET of this path, decoded (chunked and gzip undone,
   * P-32), when the runner can tell without the request: empty for echoes.
   */
  default Optional<Entity> entity() {
    return switch (this) {
      case Get g -> Optional.of(digest(GET_BODY));
      case Bytes b -> Optional.of(generated(b.length()));
      case Chunked c -> Optional.of(generated(c.length()));
      case Gzip z -> Optional.of(generated(z.length()));
      case Range r -> Optional.of(generated(r.length()));
      case Gate g -> Optional.of(generated(g.length()));
      case Status s -> Optional.of(digest(s.body()));
      case Slow s -> Optional.of(digest(SLOW_BODY));
      case Redirect r -> Optional.of(digest(r.body()));
      case Tricky t -> Optional.of(digest(TRICKY_BODY));
      case Echo e -> Optional.empty();
      case Headers h -> Optional.empty();
      case NotFound n -> Optional.empty();
    };
  }

  private static Entity digest(byte[] body) {
    MessageDigest sha = sha256();
    sha.update(body);
    return new Entity(body.length, sha.digest(), java.util.Arrays.copyOf(body, Math.min(HEAD, body.length)));
  }

  private static Entity generated(long length) {
    MessageDigest sha = sha256();
    GeneratedBytes g = new GeneratedBytes();
    byte[] block = new byte[HEAD];
    byte[] head = null;
    for (long left = length; left > 0; ) {
      int n = (int) Math.min(block.length, left);
      g.next(block, 0, n);
      sha.update(block, 0, n);
      if (head == null) {
        head = java.util.Arrays.copyOf(block, n);
      }
      left -= n;
    }
    return new Entity(length, sha.digest(), head == null ? new byte[0] : head);
  }

  /** A fresh SHA-256. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }
}
