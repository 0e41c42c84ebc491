package dev.espat.driver.internal;

import dev.espat.driver.AtException;
import dev.espat.driver.ChannelClosedException;
import dev.espat.driver.CommandFailedException;
import dev.espat.driver.CommandTimeoutException;
import dev.espat.driver.DeviceBusyException;
import dev.espat.driver.DeviceResetException;
import dev.espat.driver.ProtocolException;
import dev.espat.driver.Response;
import dev.espat.driver.ResponseTooLargeException;
import dev.espat.grammar.response.ResponseEvent.FinalResult;
import dev.espat.grammar.response.ResultCode;
import dev.espat.driver.PayloadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The caller's side of one command on a {@link CommandChannel}: send, wait for the reader's
 * signals with a deadline, resend after {@code busy p...} with backoff (P-10), send the payload at
 * the prompt (P-11), wait for {@code ready} after a restart (P-40). Runs while the caller holds the
 * channel's turn.
 */
final class Attempts {
  /** How much of a data-mode payload is read and written at a time. */
  private static final int PAYLOAD_CHUNK = 8192;

  private final CommandChannel channel;
  private final ChannelOptions options;

  Attempts(CommandChannel channel, ChannelOptions options) {
    this.channel = channel;
    this.options = options;
  }

  Response run(CommandRequest request) {
    Exchange ex = new Exchange(request, options.maxResponseBytes());
    String what = request.maskedText();
    byte[] line = request.command().encode();
    boolean clean = false;
    channel.begin(ex);
    try {
      Response response = await(ex, line, what);
      clean = true;
      return response;
    } catch (CommandFailedException | DeviceBusyException e) {
      clean = true; // the device answered: it is in step with us
      throw e;
    } finally {
      channel.end(ex, clean);
    }
  }

  private Response await(Exchange ex, byte[] line, String what) {
    CommandRequest request = ex.request;
    long start = System.nanoTime();
    channel.send(line, what);
    long deadline = System.nanoTime() + request.timeout().toNanos();
    String waitingFor = "final result";
    int busy = 0;
    Response okBeforeReady = null;
    DeferredFailure deferred = new DeferredFailure();
    while (true) {
      Exchange.Signal signal = poll(ex, deadline, what);
      if (signal == null) {
        throw new CommandTimeoutException(what, waitingFor, Duration.ofNanos(System.nanoTime() - start), ex.receivedSoFar());
      }
      switch (signal) {
        case Exchange.Final f -> {
          Response response = new Response(what, f.events(), f.result());
          if (!ex.problems().isEmpty()) {
            // Output was lost inside the answer (a frame that failed to decode): never pass it off as whole.
            throw new ProtocolException(what, what + ": the answer was damaged on the line, so it is refused: "
                + String.join("; ", ex.problems()));
          }
          deferred.rethrow(what);
          if (ex.overflowed()) {
            throw new ResponseTooLargeException(what, options.maxResponseBytes());
          }
          if (!response.succeeded()) {
            throw new CommandFailedException(response);
          }
          if (!request.expectsReady()) {
            return response;
          }
          okBeforeReady = response;
          request.afterOk().run();
          waitingFor = "ready after OK";
          deadline = System.nanoTime() + request.readyTimeout().toNanos();
        }
        case Exchange.Ready r -> {
          return okBeforeReady != null ? okBeforeReady
              : new Response(what, List.of(), FinalResult.of(ResultCode.OK)); // the OK was lost; ready says enough
        }
        case Exchange.Busy b -> {
          busy++;
          if (busy >= options.busyRetry().attempts()) {
            throw new DeviceBusyException(what, busy);
          }
          backoff(ex, options.busyRetry().delayAfter(busy), what);
          ex.awaitingResend = false;
          channel.send(line, what);
          deadline = System.nanoTime() + request.timeout().toNanos();
        }
        case Exchange.Prompt p -> {
          PayloadException failed = sendPayload(request.payload(), what);
          if (failed != null && deferred.cause == null) {
            deferred.cause = failed;
          }
          deadline = System.nanoTime() + request.timeout().toNanos();
        }
        case Exchange.Frame fr -> {
          try {
            if (deferred.cause == null) {
              request.frames().accept(fr.frame());
            }
          } catch (IOException | RuntimeException e) {
            deferred.cause = e; // the device goes on: read past the rest, then report
          } finally {
            ex.frameHandled();
          }
        }
        case Exchange.Reset r -> throw new DeviceResetException(what, ex.receivedSoFar());
        case Exchange.Closed c -> throw new ChannelClosedException(what, c.cause().getMessage(), c.cause());
      }
    }
  }

  /**
   * What the frame sink threw, or the payload's failure; the rest of the answer is still read (and
   * frames dropped) so that the line stays in step, then this is thrown.
   */
  private static final class DeferredFailure {
    Exception cause;

    void rethrow(String what) {
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(what + ": taking the body failed: " + io.getMessage(), io);
      }
    }
  }

  /**
   * Sends the data-mode bytes in pieces as they are read (P-11). The device waits for exactly the
   * announced count with no timeout (P-12), so a stream that fails or ends early is made up with
   * zero bytes to bring the device out of data mode; the failure is returned, to be thrown once
   * the device has answered.
   */
  private PayloadException sendPayload(CommandRequest.Payload payload, String what) {
    long length = payload.length();
    long sent = 0;
    IOException failure = null;
    byte[] chunk = new byte[PAYLOAD_CHUNK];
    try (InputStream in = payload.open()) {
      while (sent < length) {
        int n = in.read(chunk, 0, (int) Math.min(chunk.length, length - sent));
        if (n < 0) {
          throw new IOException("the body ended after " + sent + " of the " + length + " bytes announced");
        }
        channel.send(n == chunk.length ? chunk : Arrays.copyOf(chunk, n), what);
        sent += n;
      }
    } catch (IOException e) {
      failure = e;
    }
    if (failure != null) {
      byte[] zeros = new byte[PAYLOAD_CHUNK];
      while (sent < length) {
        int n = (int) Math.min(zeros.length, length - sent);
        channel.send(n == zeros.length ? zeros : new byte[n], what);
        sent += n;
      }
      return new PayloadException(what, "reading the body failed (" + failure.getMessage() + "); the device was sent zero"
          + " bytes for the rest to end data mode (P-12), so the peer may have received a damaged body", failure);
    }
    return null;
  }

  /** Waits out a busy backoff; only a reset or a close (posted meanwhile) cuts it short. */
  private void backoff(Exchange ex, Duration delay, String what) {
    long until = System.nanoTime() + delay.toNanos();
    Exchange.Signal signal;
    while ((signal = poll(ex, until, what)) != null) {
      switch (signal) {
        case Exchange.Reset r -> throw new DeviceResetException(what, ex.receivedSoFar());
        case Exchange.Closed c -> throw new ChannelClosedException(what, c.cause().getMessage(), c.cause());
        case Exchange.Frame fr -> ex.frameHandled(); // none is posted while a resend is pending
        default -> { } // nothing else is posted while a resend is pending
      }
    }
  }

  private static Exchange.Signal poll(Exchange ex, long deadline, String what) {
    try {
      return ex.await(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelClosedException(what, "interrupted while waiting for the device", e);
    }
  }

  /**
   * {@code AT} until {@code OK} followed by a quiet line, a bounded number of times (handshake,
   * after garbage or a timeout). An abandoned command may still answer late (P-10: every line gets
   * one final result); its {@code OK} could be taken for the probe's. So after an {@code OK} the
   * line must stay silent for {@link ChannelOptions#quietPeriod()}: anything arriving then means
   * the pairing may be off by one, and the probe is repeated.
   */
  void resync() {
    AtException last = null;
    int failed = 0;
    int noisy = 0;
    while (failed < options.resyncAttempts() && noisy < options.resyncAttempts()) {
      try {
        run(CommandChannel.at(options.resyncTimeout()));
      } catch (CommandTimeoutException | CommandFailedException | DeviceResetException e) {
        last = e;
        failed++;
        continue;
      }
      if (channel.quietFor(options.quietPeriod())) {
        return;
      }
      noisy++;
      last = new ProtocolException("AT", "more output followed the OK of AT: a late answer of an earlier command");
    }
    throw new ProtocolException("AT", failed >= options.resyncAttempts()
        ? "the device did not answer AT with OK in " + failed + " attempts of " + options.resyncTimeout().toMillis()
            + " ms; last: " + last.getMessage()
        : "the line did not stay quiet after AT's OK in " + noisy + " attempts: " + last.getMessage());
  }
}
