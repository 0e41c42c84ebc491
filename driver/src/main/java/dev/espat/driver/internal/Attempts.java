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
import java.time.Duration;
import java.util.List;

/**
 * The caller's side of one command on a {@link CommandChannel}: send, wait for the reader's
 * signals with a deadline, resend after {@code busy p...} with backoff (P-10), send the payload at
 * the prompt (P-11), wait for {@code ready} after a restart (P-40). Runs while the caller holds the
 * channel's turn.
 */
final class Attempts {
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
    while (true) {
      Exchange.Signal signal = poll(ex, deadline, what);
      if (signal == null) {
        throw new CommandTimeoutException(what, waitingFor, Duration.ofNanos(System.nanoTime() - start), ex.receivedSoFar());
      }
      switch (signal) {
        case Exchange.Final f -> {
          Response response = new Response(what, f.events(), f.result());
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
          channel.send(request.payload(), what);
          deadline = System.nanoTime() + request.timeout().toNanos();
        }
        case Exchange.Reset r -> throw new DeviceResetException(what, ex.receivedSoFar());
        case Exchange.Closed c -> throw new ChannelClosedException(what, c.cause().getMessage(), c.cause());
      }
    }
  }

  /** Waits out a busy backoff; only a reset or a close (posted meanwhile) cuts it short. */
  private void backoff(Exchange ex, Duration delay, String what) {
    long until = System.nanoTime() + delay.toNanos();
    Exchange.Signal signal;
    while ((signal = poll(ex, until, what)) != null) {
      switch (signal) {
        case Exchange.Reset r -> throw new DeviceResetException(what, ex.receivedSoFar());
        case Exchange.Closed c -> throw new ChannelClosedException(what, c.cause().getMessage(), c.cause());
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

  /** {@code AT} until {@code OK}, a bounded number of times (handshake, after garbage or a timeout). */
  void resync() {
    AtException last = null;
    for (int i = 0; i < options.resyncAttempts(); i++) {
      try {
        run(CommandChannel.at(options.resyncTimeout()));
        return;
      } catch (CommandTimeoutException | CommandFailedException | DeviceResetException e) {
        last = e;
      }
    }
    throw new ProtocolException("AT", "the device did not answer AT with OK in " + options.resyncAttempts()
        + " attempts of " + options.resyncTimeout().toMillis() + " ms; last: " + last.getMessage());
  }
}
