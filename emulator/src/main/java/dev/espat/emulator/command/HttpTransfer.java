package dev.espat.emulator.command;

import dev.espat.emulator.device.Exchange;
import dev.espat.emulator.http.HttpCall;
import dev.espat.emulator.http.OutgoingRequest;
import dev.espat.emulator.http.RequestLog;
import dev.espat.emulator.http.ResponseListener;
import dev.espat.emulator.trace.TraceText;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.SecretMasker;
import dev.espat.grammar.SubCategory;
import dev.espat.grammar.response.ResponseEncoder;
import dev.espat.grammar.response.ResultCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One HTTP command's response on its way to the host. Network callbacks hand body pieces to the
 * device thread, which writes them as frames of at most rx size (P-30, P-31) while the download
 * runs (P-33). The device thread writes at the UART's pace, so the bytes handed over and not yet
 * written are counted: above {@link #HIGH_WATERMARK} the network read stops, below
 * {@link #LOW_WATERMARK} it goes on. Memory stays bounded whatever the baud rate.
 */
final class HttpTransfer implements ResponseListener {
  /** Bytes handed to the device thread and not yet written, past which reading stops. */
  static final int HIGH_WATERMARK = 64 * 1024;

  /** ...and under which it starts again. */
  static final int LOW_WATERMARK = 16 * 1024;

  /** No truncate-body fault: the whole body is printed. */
  static final long NO_TRUNCATION = -1;

  /** Frame bytes shown in the trace; the rest of a frame is counted. */
  private static final int TRACED_FRAME_BYTES = 64;

  /** Firmware before 4.1 reports any HTTP status failure without the status (P-16). */
  private static final ErrorCode GENERIC_FAILURE = ErrorCode.of(SubCategory.COMMAND_EXECUTION_FAILED, 0);

  /** What the command answers with. */
  enum Shape {
    /** The body as frames (AT+HTTPCLIENT GET/POST/PUT/DELETE, AT+HTTPCGET, AT+HTTPCPOST/CPUT). */
    BODY,
    /** One frame per response header, no body (AT+HTTPCLIENT HEAD). */
    HEADERS,
    /** {@code +HTTPGETSIZE:<n>} from the Content-Length, no body (P-21). */
    SIZE
  }

  /**
   * How a command answers: its frame name, frame size and final results.
   *
   * @param frameName {@code HTTPCGET}...
   * @param rxSize the largest frame (P-31)
   * @param success {@code OK} or {@code SEND OK}
   * @param failure {@code ERROR} or {@code SEND FAIL}
   */
  record Reply(String frameName, Shape shape, int rxSize, ResultCode success, ResultCode failure) {}

  private final Exchange exchange;
  private final Reply reply;
  private final BufferProbe probe;
  private final RequestLog log;
  private final Runnable onDone;
  private final long truncateAfter;
  private final AtomicLong handedOver = new AtomicLong();
  private final AtomicBoolean paused = new AtomicBoolean();
  // The network thread answers, or the device thread when the station loses its IP meanwhile.
  private final AtomicBoolean answered = new AtomicBoolean();
  private final long started = System.nanoTime();
  private volatile HttpCall call;
  // Written on the network thread, read for the trace note from either.
  private volatile OutgoingRequest sent;
  private volatile long received;

  // Network thread only.
  private int status;
  private boolean failedStatus;
  private boolean bodyShown;
  private long printed;

  // Device thread only: the station went offline, nothing more is printed.
  private boolean cutOff;

  /**
   * @param truncateAfter print at most this many body bytes, then fail as on a dropped connection
   *     (a truncate-body fault); {@link #NO_TRUNCATION} for the whole body
   */
  HttpTransfer(Exchange exchange, OutgoingRequest request, Reply reply, BufferProbe probe, RequestLog log,
      long truncateAfter, Runnable onDone) {
    this.log = log;
    this.exchange = exchange;
    this.sent = request;
    this.reply = reply;
    this.probe = probe;
    this.truncateAfter = truncateAfter;
    this.onDone = onDone;
  }

  HttpCall call() {
    return call;
  }

  @Override
  public void onStart(HttpCall c) {
    call = c;
  }

  @Override
  public void onSent(OutgoingRequest request) {
    sent = request;
    log.record(request);
  }

  @Override
  public void onHead(int code, List<Map.Entry<String, String>> headers) {
    status = code;
    failedStatus = code >= 400;
    bodyShown = !failedStatus || exchange.firmware().bodyBeforeHttpError();
    switch (reply.shape()) {
      case BODY -> { }
      case HEADERS -> {
        if (bodyShown) {
          headers.forEach(h -> handOver((h.getKey() + ": " + h.getValue()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
      }
      case SIZE -> {
        if (!failedStatus) {
          String length = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
              .map(Map.Entry::getValue).findFirst().orElse("0");
          exchange.onDevice(() -> exchange.information("HTTPGETSIZE", length.strip()));
        }
        // The size is all the command wants: the body is not downloaded.
        call.cancel();
        answer(failedStatus ? statusFailure() : null, "status " + code + ", size only");
      }
    }
  }

  @Override
  public void onBody(byte[] bytes) {
    received += bytes.length;
    if (reply.shape() != Shape.BODY || !bodyShown) {
      return;
    }
    if (truncateAfter == NO_TRUNCATION || printed + bytes.length <= truncateAfter) {
      printed += bytes.length;
      handOver(bytes);
      return;
    }
    int keep = (int) (truncateAfter - printed);
    if (keep > 0) {
      printed += keep;
      handOver(Arrays.copyOf(bytes, keep));
    }
    call.cancel();
    answer(ErrorCode.HTTP_CONNECTION_FAILED, "the body was cut after " + printed + " bytes (truncate-body fault)");
  }

  @Override
  public void onEnd() {
    answer(failedStatus ? statusFailure() : null, "status " + status + ", " + received + " body bytes");
  }

  @Override
  public void onFailure(String reason) {
    answer(ErrorCode.HTTP_CONNECTION_FAILED, "failed after " + received + " body bytes: " + reason);
  }

  /** A piece for the device thread, which writes it as one frame (HEADERS) or rx-size frames. */
  private void handOver(byte[] bytes) {
    long pending = handedOver.addAndGet(bytes.length);
    probe.observe(pending);
    if (pending > HIGH_WATERMARK && paused.compareAndSet(false, true)) {
      call.pause();
      // The device may have drained everything between the add and the pause: check again.
      resumeIfDrained();
    }
    exchange.onDevice(() -> {
      if (!cutOff && !lostStation()) {
        writeFrames(bytes);
      }
      handedOver.addAndGet(-bytes.length);
      resumeIfDrained();
    });
  }

  /**
   * On the device thread: whether the station lost its IP while the body streams (a
   * wifi-disconnect fault), which ends the transfer as a dropped connection would (P-43). When the
   * network had already delivered the whole body, the device prints it all.
   */
  private boolean lostStation() {
    if (WifiStation.hasIp(exchange.state()) || !answered.compareAndSet(false, true)) {
      return false;
    }
    cutOff = true;
    call.cancel();
    finish(ErrorCode.HTTP_CONNECTION_FAILED, "the station lost its IP address after " + received + " body bytes");
    return true;
  }

  private void resumeIfDrained() {
    if (handedOver.get() < LOW_WATERMARK && paused.compareAndSet(true, false)) {
      call.resume();
    }
  }

  private void writeFrames(byte[] bytes) {
    int size = reply.shape() == Shape.HEADERS ? bytes.length : reply.rxSize();
    for (int offset = 0; offset < bytes.length; offset += size) {
      int n = Math.min(size, bytes.length - offset);
      byte[] frame = ResponseEncoder.frame(reply.frameName(), bytes, offset, n);
      int shown = Math.min(frame.length, TRACED_FRAME_BYTES);
      String text = shown == frame.length ? TraceText.of(frame)
          : TraceText.of(frame, 0, shown) + " ... (" + (frame.length - shown) + " more bytes)";
      exchange.write(frame, text);
    }
  }

  private ErrorCode statusFailure() {
    return exchange.firmware().statusSpecificErrorCodes() ? ErrorCode.forHttpStatus(status) : GENERIC_FAILURE;
  }

  /** The final result, once, after every frame handed over (the device thread runs steps in order). */
  private void answer(ErrorCode failure, String outcome) {
    if (answered.compareAndSet(false, true)) {
      finish(failure, outcome);
    }
  }

  private void finish(ErrorCode failure, String outcome) {
    note(outcome);
    onDone.run();
    exchange.onDevice(() -> {
      if (failure == null) {
        exchange.result(reply.success());
      } else {
        exchange.failure(reply.failure(), failure);
      }
    });
  }

  /** The trace's record of the exchange: request, outcome, duration; secrets masked. */
  private void note(String outcome) {
    String request = sent.method() + " " + sent.uri() + " " + sent.headers().stream().map(h -> "\"" + h.getKey() + ": " + h.getValue() + "\"").collect(Collectors.joining(", ", "[", "]"));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    String text = SecretMasker.mask("HTTP " + request + " -> " + outcome + ", " + ms + " ms");
    exchange.onDevice(() -> exchange.note(text));
  }

  /** The most bytes ever handed to the device thread and not yet written: a test's probe. */
  static final class BufferProbe {
    private final AtomicLong peak = new AtomicLong();

    void observe(long pending) {
      peak.accumulateAndGet(pending, Math::max);
    }

    long peak() {
      return peak.get();
    }
  }
}
