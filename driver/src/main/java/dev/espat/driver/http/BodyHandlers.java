package dev.espat.driver.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The usual {@link BodyHandler}s. Those that keep the body in memory stop at the client's bound
 * ({@link HttpBodyTooLargeException}); the others stream with bounded memory, whatever the size.
 *
 * <pre>{@code
 * http.send(request, BodyHandlers.ofString());                          // HttpResponse<String>
 * http.send(request, BodyHandlers.ofFile(Path.of("fw.bin")));           // streamed to a file
 * http.send(request, BodyHandlers.ofChunks(512, chunk -> uart.write(chunk)));  // fixed-size pieces
 * http.send(request, BodyHandlers.ofJson(Map.class));                    // the client's JSON codec
 * }</pre>
 */
public final class BodyHandlers {
  private BodyHandlers() {}

  /** The body as bytes, in memory up to the client's bound. */
  public static BodyHandler<byte[]> ofByteArray() {
    return context -> new MemorySink<>(context, body -> body);
  }

  /** The body as UTF-8 text, in memory up to the client's bound. */
  public static BodyHandler<String> ofString() {
    return ofString(StandardCharsets.UTF_8);
  }

  /** The body as text in {@code charset}, in memory up to the client's bound. */
  public static BodyHandler<String> ofString(Charset charset) {
    Objects.requireNonNull(charset, "charset");
    return context -> new MemorySink<>(context, body -> new String(body, charset));
  }

  /**
   * The body decoded by the client's {@link JsonCodec} as {@code type}; the JSON text is held in
   * memory up to the client's bound.
   */
  public static <T> BodyHandler<T> ofJson(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return context -> new MemorySink<>(context, body -> context.json().read(new ByteArrayInputStream(body), type));
  }

  /**
   * The body written to {@code file} as it arrives (any size, bounded memory). It goes to a
   * temporary file beside it, moved into place when the body is complete; a failed request leaves
   * {@code file} as it was. A status >= 400 with a body (P-17) is a complete body too: check
   * {@link HttpResponse#status()}.
   */
  public static BodyHandler<Path> ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    return context -> new FileSink(file);
  }

  /** Reads and drops the body; {@link HttpResponse#bodyLength()} still counts it. */
  public static BodyHandler<Void> discarding() {
    return context -> new BodyHandler.Sink<Void>() {
      @Override
      public void write(byte[] data, int offset, int length) {}

      @Override
      public Void complete() {
        return null;
      }
    };
  }

  /**
   * Hands the body on in pieces of exactly {@code chunkSize} bytes (the last may be shorter), as
   * Godot's {@code read_response_body_chunk} with a chosen {@code read_chunk_size}. The buffer
   * passed to {@code consumer} is reused: copy what you keep. The body becomes its length.
   */
  public static BodyHandler<Long> ofChunks(int chunkSize, Consumer<ByteBuffer> consumer) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be positive, got " + chunkSize);
    }
    Objects.requireNonNull(consumer, "consumer");
    return context -> new ChunkSink(chunkSize, consumer);
  }

  /** Writes the body to {@code out} as it arrives (not closed); the body becomes its length. */
  public static BodyHandler<Long> ofOutputStream(OutputStream out) {
    Objects.requireNonNull(out, "out");
    return context -> new BodyHandler.Sink<Long>() {
      private long count;

      @Override
      public void write(byte[] data, int offset, int length) throws IOException {
        out.write(data, offset, length);
        count += length;
      }

      @Override
      public Long complete() throws IOException {
        out.flush();
        return count;
      }
    };
  }

  private interface Finish<T> {
    T apply(byte[] body) throws IOException;
  }

  /**
   * Keeps the pieces as they come and joins them once at the end: one copy of each byte, instead
   * of a growing buffer's repeated ones.
   */
  private static final class MemorySink<T> implements BodyHandler.Sink<T> {
    private final BodyHandler.Context context;
    private final Finish<T> finish;
    private final java.util.List<byte[]> pieces = new java.util.ArrayList<>();
    private int size;

    MemorySink(BodyHandler.Context context, Finish<T> finish) {
      this.context = context;
      this.finish = finish;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      if ((long) size + length > context.maxInMemoryBytes()) {
        throw new HttpBodyTooLargeException(context.command(), context.maxInMemoryBytes(), null);
      }
      pieces.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
      size += length;
    }

    @Override
    public T complete() throws IOException {
      byte[] body = new byte[size];
      int at = 0;
      for (byte[] piece : pieces) {
        System.arraycopy(piece, 0, body, at, piece.length);
        at += piece.length;
      }
      pieces.clear();
      return finish.apply(body);
    }
  }

  private static final class FileSink implements BodyHandler.Sink<Path> {
    private final Path file;
    private Path temp;
    private OutputStream out;

    FileSink(Path file) throws IOException {
      this.file = file;
      Path dir = file.toAbsolutePath().getParent();
      this.temp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
      this.out = Files.newOutputStream(temp);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
      out.write(data, offset, length);
    }

    @Override
    public Path complete() throws IOException {
      out.close();
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    }

    @Override
    public void abort() {
      try {
        out.close();
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // Nothing more to do: the temporary file's name starts with a dot and ends with .part.
      }
    }
  }

  private static final class ChunkSink implements BodyHandler.Sink<Long> {
    private final ByteBuffer chunk;
    private final Consumer<ByteBuffer> consumer;
    private long count;

    ChunkSink(int chunkSize, Consumer<ByteBuffer> consumer) {
      this.chunk = ByteBuffer.allocate(chunkSize);
      this.consumer = consumer;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      count += length;
      while (length > 0) {
        int n = Math.min(length, chunk.remaining());
        chunk.put(data, offset, n);
        offset += n;
        length -= n;
        if (!chunk.hasRemaining()) {
          hand();
        }
      }
    }

    private void hand() {
      chunk.flip();
      consumer.accept(chunk.asReadOnlyBuffer());
      chunk.clear();
    }

    @Override
    public Long complete() {
      if (chunk.position() > 0) {
        hand();
      }
      return count;
    }
  }
}
