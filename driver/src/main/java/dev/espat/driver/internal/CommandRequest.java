package dev.espat.driver.internal;

import dev.espat.grammar.AtCommand;
import dev.espat.grammar.SecretMasker;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * One command as the channel runs it: the line, the data-mode payload for commands that prompt
 * with {@code >} (P-11), where body frames go, and whether the device restarts after {@code OK}
 * (AT+RST, AT+RESTORE: the channel then waits for {@code ready}, P-40).
 *
 * @param command the command
 * @param payload what to send after the prompt, or null for a command without data mode
 * @param timeout how long to wait for the final result, per send
 * @param readyTimeout how long to wait for {@code ready} after {@code OK}, or null when none comes
 * @param afterOk runs between {@code OK} and {@code ready} (retuning the line to the boot rate)
 * @param frames takes the body frames on the caller's thread as they arrive, instead of the
 *     response holding them (P-33); null to keep them in the response
 */
public record CommandRequest(AtCommand command, Payload payload, Duration timeout, Duration readyTimeout,
    Runnable afterOk, FrameSink frames) {

  /** Bytes sent in data mode, read as a stream so that a large body is never held whole. */
  public interface Payload {
    /** The exact number of bytes {@link #open()} yields; the command line announced it. */
    long length();

    /** A fresh stream from the first byte; opened again when the command is resent after busy. */
    InputStream open() throws IOException;
  }

  /** Takes body frames as they arrive; an exception stops the taking, not the command. */
  @FunctionalInterface
  public interface FrameSink {
    void accept(BodyFrame frame) throws IOException;
  }

  public static CommandRequest of(AtCommand command, Duration timeout) {
    return new CommandRequest(command, null, timeout, null, () -> { }, null);
  }

  public static CommandRequest withData(AtCommand command, byte[] payload, Duration timeout) {
    return new CommandRequest(command, bytes(payload.clone()), timeout, null, () -> { }, null);
  }

  public static CommandRequest restarting(AtCommand command, Duration timeout, Duration readyTimeout, Runnable afterOk) {
    return new CommandRequest(command, null, timeout, readyTimeout, afterOk, null);
  }

  /** This request with the payload sent at the prompt. */
  public CommandRequest withPayload(Payload p) {
    return new CommandRequest(command, p, timeout, readyTimeout, afterOk, frames);
  }

  /** This request with its body frames streamed to {@code sink}. */
  public CommandRequest streaming(FrameSink sink) {
    return new CommandRequest(command, payload, timeout, readyTimeout, afterOk, sink);
  }

  /** A payload of these bytes (not copied). */
  public static Payload bytes(byte[] data) {
    return new Payload() {
      @Override
      public long length() {
        return data.length;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(data);
      }
    };
  }

  /** The line as text with secrets masked, for every message and exception. */
  public String maskedText() {
    return SecretMasker.mask(command.toString());
  }

  boolean expectsReady() {
    return readyTimeout != null;
  }

  boolean hasPayload() {
    return payload != null;
  }
}
