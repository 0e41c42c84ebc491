package dev.espat.driver.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A request body of known length, read as a stream each time it is sent, so that a large file
 * never sits in memory (the device takes it in data mode after the {@code >} prompt, P-23). The
 * length must be known in advance: AT+HTTPCPOST and AT+HTTPCPUT announce it on the command line.
 *
 * <pre>{@code
 * RequestBody.of("a=1&b=2")                       // UTF-8 text
 * RequestBody.of(new byte[] {0, 1, 2})            // bytes (copied)
 * RequestBody.ofFile(Path.of("firmware.bin"))     // streamed from the file
 * MultipartBody.newBuilder().field("name", "x").build()
 * }</pre>
 */
public interface RequestBody {

  /** The exact number of bytes {@link #open()} yields. */
  long length();

  /**
   * A fresh stream of the body from its first byte; called again when the device was busy and the
   * body must be sent anew (P-10). The caller closes it.
   */
  InputStream open() throws IOException;

  /** The media type the body itself implies (a multipart boundary, say); empty when it implies none. */
  default Optional<String> contentType() {
    return Optional.empty();
  }

  /** The bytes of a small body, read whole; for the body to go on the command line (P-20). */
  default byte[] readAll(int max) throws IOException {
    if (length() > max) {
      throw new IllegalStateException("body of " + length() + " bytes is over " + max);
    }
    try (InputStream in = open()) {
      byte[] bytes = in.readNBytes((int) length());
      if (bytes.length != length()) {
        throw new IOException("the body announced " + length() + " bytes and gave " + bytes.length);
      }
      return bytes;
    }
  }

  /** A body of these bytes (copied). */
  static RequestBody of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return new RequestBody() {
      @Override
      public long length() {
        return copy.length;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(copy);
      }

      @Override
      public byte[] readAll(int max) {
        return copy.clone();
      }

      @Override
      public String toString() {
        return copy.length + " bytes";
      }
    };
  }

  /**
   * The value as JSON by {@link JsonCodec#minimal()}, content type {@code application/json}; see
   * {@link #json(Object, JsonCodec)} for another codec.
   *
   * @throws UncheckedIOException when the codec cannot write the value (its message names it)
   */
  static RequestBody json(Object value) {
    return json(value, JsonCodec.minimal());
  }

  /**
   * The value as JSON by {@code codec}, encoded now (JSON bodies are small; the length must be
   * known), content type {@code application/json}.
   *
   * @throws UncheckedIOException when the codec cannot write the value
   */
  static RequestBody json(Object value, JsonCodec codec) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      codec.write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the request body as JSON: " + e.getMessage(), e);
    }
    RequestBody bytes = of(out.toByteArray());
    return new RequestBody() {
      @Override
      public long length() {
        return bytes.length();
      }

      @Override
      public InputStream open() throws IOException {
        return bytes.open();
      }

      @Override
      public byte[] readAll(int max) throws IOException {
        return bytes.readAll(max);
      }

      @Override
      public Optional<String> contentType() {
        return Optional.of(ContentType.JSON.mediaType());
      }

      @Override
      public String toString() {
        return "JSON, " + bytes;
      }
    };
  }

  /** A body of this text in UTF-8. */
  static RequestBody of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A body streamed from a file, its length taken now; a file that changes size before it is sent
   * fails the request rather than sending something else.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  static RequestBody ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    long size;
    try {
      size = Files.size(file);
      if (!Files.isReadable(file) || Files.isDirectory(file)) {
        throw new IOException("not a readable file");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("request body " + file + ": " + e.getMessage(), e);
    }
    return new RequestBody() {
      @Override
      public long length() {
        return size;
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }

      @Override
      public String toString() {
        return file + " (" + size + " bytes)";
      }
    };
  }
}
