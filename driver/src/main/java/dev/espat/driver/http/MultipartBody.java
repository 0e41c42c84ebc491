package dev.espat.driver.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578): text fields and files, of a length known before
 * sending and read as a stream, so a file is never held in memory.
 *
 * <pre>{@code
 * MultipartBody body = MultipartBody.newBuilder()
 *     .field("name", "value")                                   // text, UTF-8
 *     .file("upload", "report.csv", "text/csv", Path.of("report.csv"))
 *     .file("blob", "b.bin", "application/octet-stream", bytes)
 *     .build();
 * body.contentType();   // Optional[multipart/form-data; boundary=espat-...]
 * body.length();        // the exact byte count, files not read
 * }</pre>
 *
 * <p>Encoding, as browsers do it (the WHATWG HTML "multipart/form-data encoding algorithm"): a
 * text field's value goes as UTF-8 without a {@code Content-Type} of its own; field names and
 * filenames are quoted strings with {@code "}, CR and LF percent-encoded ({@code %22},
 * {@code %0D}, {@code %0A}), other control characters refused; a non-ASCII filename goes as raw
 * UTF-8 inside the quotes, since RFC 7578 section 4.2 forbids {@code filename*}. Parts end with
 * CRLF, the body with {@code --boundary--} CRLF.
 *
 * <p>The boundary is {@code espat-} and 32 random letters and digits ({@link SecureRandom}) unless
 * {@link Builder#boundary(String)} sets one. Text and byte parts are checked not to contain it; a
 * file's content is not read to check, which a random boundary makes safe.
 *
 * <p>A file's size is taken by {@link Builder#build()}. A file that is not that size when the body
 * is sent fails the stream with an {@link IOException} naming the file, before or at the point
 * where the length would go wrong, rather than sending a body of another length. Immutable and
 * thread-safe; {@link #open()} may be called any number of times.
 */
public final class MultipartBody implements RequestBody {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  /** RFC 2046 bcharsnospace, and space, which may not be last. */
  private static final String BCHARS = ALNUM + "'()+_,-./:=? ";
  private static final byte[] CRLF = {'\r', '\n'};

  private final String boundary;
  private final List<Piece> pieces;
  private final int parts;
  private final long length;

  private MultipartBody(String boundary, List<Piece> pieces, int parts) {
    this.boundary = boundary;
    this.pieces = pieces;
    this.parts = parts;
    this.length = pieces.stream().mapToLong(Piece::length).sum();
  }

  /** A builder with a random boundary and no parts yet. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The boundary between the parts, without the leading {@code --}. */
  public String boundary() {
    return boundary;
  }

  @Override
  public long length() {
    return length;
  }

  /**
   * The body from its first byte: the parts one after the other, each file opened when its turn
   * comes and read through the stream's small buffers. The caller closes it.
   */
  @Override
  public InputStream open() {
    Iterator<Piece> next = pieces.iterator();
    return new SequenceInputStream(new Enumeration<InputStream>() {
      @Override
      public boolean hasMoreElements() {
        return next.hasNext();
      }

      @Override
      public InputStream nextElement() {
        return next.next().open();
      }
    });
  }

  /** {@code multipart/form-data; boundary=...}, the boundary quoted when it holds a special character. */
  @Override
  public Optional<String> contentType() {
    boolean token = boundary.chars().allMatch(c -> ALNUM.indexOf(c) >= 0 || "'+_-.".indexOf(c) >= 0);
    return Optional.of("multipart/form-data; boundary=" + (token ? boundary : '"' + boundary + '"'));
  }

  @Override
  public String toString() {
    return contentType().orElseThrow() + " (" + parts + (parts == 1 ? " part, " : " parts, ") + length + " bytes)";
  }

  /** Collects parts in order; {@link #build()} takes the files' sizes. Not thread-safe. */
  public static final class Builder {
    private final List<Part> parts = new ArrayList<>();
    private String boundary;

    private Builder() {
    }

    /** A text field; the value goes as UTF-8. */
    public Builder field(String name, String value) {
      Objects.requireNonNull(value, "value");
      parts.add(new Part(quote("field name", name), null, null, value.getBytes(StandardCharsets.UTF_8), null));
      return this;
    }

    /**
     * A file streamed from {@code file} when the body is sent; its size is taken by {@link #build()}.
     *
     * @param contentType the part's media type, such as {@code text/csv}
     */
    public Builder file(String name, String filename, String contentType, Path file) {
      Objects.requireNonNull(file, "file");
      parts.add(new Part(quote("field name", name), quote("filename", filename), mediaType(contentType), null, file));
      return this;
    }

    /** A file of these bytes (copied). */
    public Builder file(String name, String filename, String contentType, byte[] bytes) {
      byte[] copy = Objects.requireNonNull(bytes, "bytes").clone();
      parts.add(new Part(quote("field name", name), quote("filename", filename), mediaType(contentType), copy, null));
      return this;
    }

    /**
     * A fixed boundary instead of a random one, for tests and for servers that want one: 1 to 70
     * characters of RFC 2046's {@code bchars} (letters, digits, {@code '()+_,-./:=?} and space),
     * not ending in a space.
     *
     * @throws IllegalArgumentException for any other
     */
    public Builder boundary(String boundary) {
      Objects.requireNonNull(boundary, "boundary");
      if (boundary.isEmpty() || boundary.length() > 70) {
        throw new IllegalArgumentException("a multipart boundary has 1 to 70 characters, not " + boundary.length());
      }
      for (int i = 0; i < boundary.length(); i++) {
        if (BCHARS.indexOf(boundary.charAt(i)) < 0) {
          throw new IllegalArgumentException("a multipart boundary may not hold the character U+%04X at index %d"
              .formatted((int) boundary.charAt(i), i) + "; RFC 2046 allows letters, digits, '()+_,-./:=? and space");
        }
      }
      if (boundary.endsWith(" ")) {
        throw new IllegalArgumentException("a multipart boundary may not end in a space (RFC 2046)");
      }
      this.boundary = boundary;
      return this;
    }

    /**
     * The body, with each file's size taken now.
     *
     * @throws IllegalStateException when there is no part (RFC 2046 wants at least one)
     * @throws IllegalArgumentException when a text or byte part contains the boundary
     * @throws UncheckedIOException when a file cannot be read
     */
    public MultipartBody build() {
      if (parts.isEmpty()) {
        throw new IllegalStateException("a multipart body needs at least one part");
      }
      String b = boundary != null ? boundary : randomBoundary();
      byte[] delimiter = ("--" + b).getBytes(StandardCharsets.US_ASCII);
      List<Piece> pieces = new ArrayList<>();
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      for (Part part : parts) {
        if (!pieces.isEmpty() || text.size() > 0) {
          text.writeBytes(CRLF);
        }
        text.writeBytes(delimiter);
        text.writeBytes(part.head());
        if (part.bytes() != null) {
          if (indexOf(part.bytes(), delimiter) >= 0) {
            throw new IllegalArgumentException("the part named \"" + part.name() + "\" contains the boundary "
                + b + "; choose another boundary");
          }
          text.writeBytes(part.bytes());
        } else {
          pieces.add(new Bytes(text.toByteArray()));
          text.reset();
          pieces.add(new FileSlice(part.file(), size(part.file())));
        }
      }
      text.writeBytes(CRLF);
      text.writeBytes(delimiter);
      text.writeBytes(new byte[] {'-', '-', '\r', '\n'});
      pieces.add(new Bytes(text.toByteArray()));
      return new MultipartBody(b, Collections.unmodifiableList(pieces), parts.size());
    }

    private static String randomBoundary() {
      StringBuilder s = new StringBuilder("espat-");
      for (int i = 0; i < 32; i++) {
        s.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
      }
      return s.toString();
    }

    private static long size(Path file) {
      try {
        if (Files.isDirectory(file) || !Files.isReadable(file)) {
          throw new IOException("not a readable file");
        }
        return Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException("multipart file " + file + ": " + e.getMessage(), e);
      }
    }

    /** The value as the inside of a quoted string: ", CR, LF percent-encoded, as browsers do. */
    private static String quote(String what, String value) {
      Objects.requireNonNull(value, what);
      if (what.equals("field name") && value.isEmpty()) {
        throw new IllegalArgumentException("a multipart part needs a non-empty field name");
      }
      StringBuilder s = new StringBuilder(value.length());
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"' -> s.append("%22");
          case '\r' -> s.append("%0D");
          case '\n' -> s.append("%0A");
          default -> {
            if (c < 0x20 || c == 0x7F) {
              throw new IllegalArgumentException("a multipart " + what + " may not hold the control character U+%04X: %s"
                  .formatted((int) c, value.replaceAll("\\p{Cntrl}", "?")));
            }
            s.append(c);
          }
        }
      }
      return s.toString();
    }

    private static String mediaType(String contentType) {
      Objects.requireNonNull(contentType, "contentType");
      if (contentType.indexOf('/') <= 0 || !contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
        throw new IllegalArgumentException("not a media type for a multipart part: "
            + contentType.replaceAll("\\p{Cntrl}", "?"));
      }
      return contentType;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
      outer:
      for (int i = 0; i <= haystack.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }

  /** A part as added: a quoted name, a quoted filename and a media type for files, bytes or a file. */
  private record Part(String name, String filename, String contentType, byte[] bytes, Path file) {
    /** The part's header lines after the delimiter, through the empty line. */
    byte[] head() {
      StringBuilder s = new StringBuilder("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
      if (filename != null) {
        s.append("; filename=\"").append(filename).append('"');
      }
      if (contentType != null) {
        s.append("\r\nContent-Type: ").append(contentType);
      }
      return s.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A run of the body: bytes in memory or a file. */
  private sealed interface Piece permits Bytes, FileSlice {
    long length();

    /** A stream of it; a file is opened at its first read, so that only one is open at a time. */
    InputStream open();
  }

  private record Bytes(byte[] bytes) implements Piece {
    @Override
    public long length() {
      return bytes.length;
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(bytes);
    }
  }

  private record FileSlice(Path file, long size) implements Piece {
    @Override
    public long length() {
      return size;
    }

    @Override
    public InputStream open() {
      return new SizedFileStream(file, size);
    }
  }

  /** Exactly size bytes of the file, or an IOException naming it. */
  private static final class SizedFileStream extends InputStream {
    private final Path file;
    private final long size;
    private InputStream in;
    private long left;

    SizedFileStream(Path file, long size) {
      this.file = file;
      this.size = size;
    }

    private InputStream in() throws IOException {
      if (in == null) {
        long now = Files.size(file);
        if (now != size) {
          throw new IOException("multipart file " + file + " changed size: " + size
              + " bytes when the body was built, " + now + " now");
        }
        in = Files.newInputStream(file);
        left = size;
      }
      return in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      InputStream stream = in();
      if (left == 0) {
        if (stream.read() != -1) {
          throw new IOException("multipart file " + file + " grew past the " + size
              + " bytes it had when the body was built");
        }
        return -1;
      }
      int n = stream.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new IOException("multipart file " + file + " ended after " + (size - left) + " of the " + size
            + " bytes it had when the body was built");
      }
      left -= n;
      return n;
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }
}
