package dev.espat.emulator;

import dev.espat.grammar.response.ResponseDecoder;
import dev.espat.grammar.response.ResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A host that reads a response of any size as a stream: frames are hashed as they are decoded and
 * never kept, so a 100 MB body needs no memory (P-30, P-33). A throttle makes it a slow reader.
 */
public final class BodyDigest {
  /** Called after every read with the total read so far: a test sleeps here to read slowly. */
  @FunctionalInterface
  public interface Throttle {
    void afterRead(long totalRead) throws InterruptedException;
  }

  /** What a response came to. */
  public record Result(ResponseEvent.FinalResult result, String sha256, long bodyBytes, int frames, int largestFrame) {}

  private final InputStream in;
  private final int readSize;
  private final Throttle throttle;
  private final ResponseDecoder decoder = new ResponseDecoder();
  private long totalRead;

  public BodyDigest(InputStream in, int readSize, Throttle throttle) {
    this.in = in;
    this.readSize = readSize;
    this.throttle = throttle;
  }

  public BodyDigest(InputStream in) {
    this(in, 64 * 1024, total -> { });
  }

  /** Reads until the next final result, hashing the frames on the way. */
  public Result awaitFinal() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long bytes = 0;
    int frames = 0;
    int largest = 0;
    byte[] buffer = new byte[readSize];
    while (true) {
      for (Optional<ResponseEvent> e = decoder.next(); e.isPresent(); e = decoder.next()) {
        switch (e.get()) {
          case ResponseEvent.BodyFrame f -> {
            sha.update(f.data());
            bytes += f.data().length;
            frames++;
            largest = Math.max(largest, f.data().length);
          }
          case ResponseEvent.FinalResult r -> {
            return new Result(r, HexFormat.of().formatHex(sha.digest()), bytes, frames, largest);
          }
          default -> { }
        }
      }
      try {
        int n = in.read(buffer);
        if (n < 0) {
          throw new IllegalStateException("the connection closed before a final result");
        }
        decoder.receive(buffer, 0, n);
        totalRead += n;
        throttle.afterRead(totalRead);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
