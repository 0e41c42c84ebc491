package dev.espat.grammar.response;

import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.MalformedResponseException;
import dev.espat.grammar.ResponseLimitExceededException;
import dev.espat.grammar.internal.ByteQueue;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import dev.espat.grammar.response.ResponseEvent.Busy;
import dev.espat.grammar.response.ResponseEvent.DataPrompt;
import dev.espat.grammar.response.ResponseEvent.FinalResult;
import dev.espat.grammar.response.ResponseEvent.InformationLine;
import dev.espat.grammar.response.ResponseEvent.Ready;
import dev.espat.grammar.response.ResponseEvent.TextLine;
import dev.espat.grammar.response.ResponseEvent.UnsolicitedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Host side of P-05 and P-30: reads what a device writes, fed in slices split anywhere, and hands
 * out {@link ResponseEvent}s.
 *
 * <p>Body frames ({@code +HTTPCGET:<len>,<bytes>\r\n}) are read by length, so CR, LF, {@code OK}
 * or NUL inside a body never end it early. An {@code ERR CODE:} line is not an event of its own:
 * its code travels with the {@code ERROR}, {@code SEND FAIL} or {@code busy p...} after it.
 *
 * <pre>{@code
 * ResponseDecoder decoder = new ResponseDecoder();
 * decoder.receive(buf, 0, n);                       // whatever the port read
 * for (Optional<ResponseEvent> e; (e = decoder.next()).isPresent(); ) {
 *   handle(e.get());
 * }
 * }</pre>
 *
 * <p>Memory is bounded by {@link DecoderLimits}: a line or frame beyond its limit raises
 * {@link ResponseLimitExceededException}, and its bytes are then skipped up to the next LF rather
 * than kept. After any exception the decoder has dropped the offending element and reads on.
 * Not thread-safe: one reader thread owns a decoder.
 */
public final class ResponseDecoder {

  private enum State {
    LINE,
    FRAME_BODY,
    FRAME_CR,
    FRAME_LF,
    SKIP_LINE
  }

  /** A frame header is short: {@code +HTTPCLIENT:10240,}. Longer lines are never frames. */
  private static final int MAX_FRAME_HEADER = 40;

  /** Digits of the longest length an int holds; more can only exceed any frame limit. */
  private static final int MAX_LENGTH_DIGITS = 9;

  private final DecoderLimits limits;
  private final ByteQueue received = new ByteQueue(1024);
  private final byte[] line;
  private int lineLength;
  private State state = State.LINE;
  private String frameCommand;
  private byte[] frame;
  private int frameFilled;
  private ErrorCode pendingErrorCode;

  /** A decoder with {@link DecoderLimits#defaults()}. */
  public ResponseDecoder() {
    this(DecoderLimits.defaults());
  }

  public ResponseDecoder(DecoderLimits limits) {
    this.limits = limits;
    // One more byte than the limit, for the CR before LF.
    this.line = new byte[limits.maxLineLength() + 1];
  }

  /** Hands over bytes the device wrote; nothing is interpreted until {@link #next()}. */
  public void receive(byte[] bytes, int offset, int length) {
    received.append(bytes, offset, length);
  }

  /** Hands over bytes the device wrote. */
  public void receive(byte[] bytes) {
    receive(bytes, 0, bytes.length);
  }

  /**
   * The next complete event, or empty when more bytes are needed.
   *
   * @throws MalformedResponseException for a frame without CR LF after its bytes or an
   *     unreadable {@code ERR CODE:} line
   * @throws ResponseLimitExceededException for a line or frame longer than the limits
   */
  public Optional<ResponseEvent> next() {
    while (true) {
      switch (state) {
        case LINE -> {
          if (received.isEmpty()) {
            return Optional.empty();
          }
          ResponseEvent event = readLine();
          if (event != null) {
            return Optional.of(event);
          }
        }
        case FRAME_BODY -> {
          if (frameFilled == frame.length) {
            state = State.FRAME_CR;
          } else if (received.isEmpty()) {
            return Optional.empty();
          } else {
            int n = Math.min(received.size(), frame.length - frameFilled);
            received.take(frame, frameFilled, n);
            frameFilled += n;
          }
        }
        case FRAME_CR, FRAME_LF -> {
          if (received.isEmpty()) {
            return Optional.empty();
          }
          byte expected = state == State.FRAME_CR ? (byte) '\r' : (byte) '\n';
          if (received.peek(0) != expected) {
            // Leave the byte: it starts whatever comes next.
            state = State.LINE;
            int dropped = frame.length;
            frame = null;
            throw new MalformedResponseException(
                "body frame +" + frameCommand + " of " + dropped + " bytes is followed by "
                    + describe(received.peek(0)) + " instead of CR LF (P-30); the frame was dropped");
          }
          received.take();
          if (state == State.FRAME_CR) {
            state = State.FRAME_LF;
          } else {
            state = State.LINE;
            BodyFrame done = new BodyFrame(frameCommand, frame);
            frame = null;
            return Optional.of(done);
          }
        }
        case SKIP_LINE -> {
          int lf = received.indexOf((byte) '\n', received.size());
          if (lf < 0) {
            received.take(received.size());
            return Optional.empty();
          }
          received.take(lf + 1);
          state = State.LINE;
        }
      }
    }
  }

  /** Everything available now, in order: a convenience for tests and simple hosts. */
  public List<ResponseEvent> drain() {
    List<ResponseEvent> events = new ArrayList<>();
    for (Optional<ResponseEvent> e = next(); e.isPresent(); e = next()) {
      events.add(e.get());
    }
    return events;
  }

  /** Reads line bytes until an event, the end of the input, or a frame header. */
  private ResponseEvent readLine() {
    while (!received.isEmpty()) {
      if (lineLength == 0 && received.peek(0) == '>') {
        received.take();
        return new DataPrompt();
      }
      byte b = received.take();
      if (b == '\n') {
        int end = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        lineLength = 0;
        ResponseEvent event = classify(text);
        if (event != null) {
          return event;
        }
        continue;
      }
      // The line may reach the limit; past it only the CR before LF fits.
      if (lineLength == line.length || (lineLength == limits.maxLineLength() && b != '\r')) {
        lineLength = 0;
        state = State.SKIP_LINE;
        throw new ResponseLimitExceededException("line", "maxLineLength", limits.maxLineLength(), -1);
      }
      line[lineLength++] = b;
      if (b == ',' && line[0] == '+' && lineLength <= MAX_FRAME_HEADER && startFrame()) {
        return null;
      }
    }
    return null;
  }

  /** At a comma after {@code +NAME:<digits>} with NAME a frame command, switches to the frame. */
  private boolean startFrame() {
    int colon = -1;
    for (int i = 1; i < lineLength - 1; i++) {
      if (line[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon < 2 || colon + 1 == lineLength - 1) {
      return false;
    }
    long length = 0;
    for (int i = colon + 1; i < lineLength - 1; i++) {
      if (line[i] < '0' || line[i] > '9') {
        return false;
      }
      if (i - colon > MAX_LENGTH_DIGITS) {
        length = Long.MAX_VALUE;
        break;
      }
      length = length * 10 + (line[i] - '0');
    }
    String command = new String(line, 1, colon - 1, StandardCharsets.US_ASCII);
    if (!limits.frameCommands().contains(command)) {
      return false;
    }
    lineLength = 0;
    if (length > limits.maxFrameLength()) {
      state = State.SKIP_LINE;
      throw new ResponseLimitExceededException(
          "body frame +" + command, "maxFrameLength", limits.maxFrameLength(), length == Long.MAX_VALUE ? -1 : length);
    }
    frameCommand = command;
    frame = new byte[(int) length];
    frameFilled = 0;
    state = State.FRAME_BODY;
    return true;
  }

  private ResponseEvent classify(String text) {
    if (text.isEmpty()) {
      return null;
    }
    Optional<ResultCode> result = ResultCode.fromText(text);
    if (result.isPresent()) {
      ErrorCode code = takePendingErrorCode();
      return result.get().isFailure() && code != null
          ? FinalResult.of(result.get(), code)
          : FinalResult.of(result.get());
    }
    if (text.startsWith(ErrorCode.LINE_PREFIX)) {
      pendingErrorCode = ErrorCode.parse(text);
      return null;
    }
    if (text.startsWith("busy ")) {
      return new Busy(text, Optional.ofNullable(takePendingErrorCode()));
    }
    if (text.equals(ResponseEncoder.READY_TEXT)) {
      pendingErrorCode = null;
      return new Ready();
    }
    if (UnsolicitedMessages.matches(text)) {
      return new UnsolicitedMessage(text);
    }
    int colon = text.indexOf(':');
    if (text.charAt(0) == '+' && colon > 1 && isName(text, 1, colon)) {
      return new InformationLine(text.substring(1, colon), text.substring(colon + 1));
    }
    return new TextLine(text);
  }

  private ErrorCode takePendingErrorCode() {
    ErrorCode code = pendingErrorCode;
    pendingErrorCode = null;
    return code;
  }

  private static boolean isName(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static String describe(byte b) {
    return b >= 0x21 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xFF);
  }

  /** Bytes held now (input not yet read, the partial line, the partial frame): bounded by the limits. */
  public long bufferedBytes() {
    return received.size() + lineLength + (frame == null ? 0 : frame.length);
  }

  /** Forgets everything received and any partial element, as after reopening the port. */
  public void reset() {
    received.clear();
    lineLength = 0;
    frame = null;
    frameCommand = null;
    pendingErrorCode = null;
    state = State.LINE;
  }
}
