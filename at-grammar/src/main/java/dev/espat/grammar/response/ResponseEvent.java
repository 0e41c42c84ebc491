package dev.espat.grammar.response;

import dev.espat.grammar.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One element of what a device writes, as {@link ResponseDecoder} reads it (P-05, P-30).
 *
 * <pre>{@code
 * switch (event) {
 *   case FinalResult r when r.code().isFailure() -> fail(r.errorCode());
 *   case FinalResult r -> done();
 *   case BodyFrame f -> body.write(f.data());
 *   case InformationLine i -> values.add(i);
 *   case DataPrompt p -> sendData();
 *   case Busy b -> retryLater();
 *   case Ready r -> deviceWasReset();
 *   case UnsolicitedMessage u -> listeners.fire(u);
 *   case TextLine t -> other(t);
 * }
 * }</pre>
 */
public sealed interface ResponseEvent {

  /**
   * The end of a command: {@code OK}, {@code ERROR}, {@code SEND OK}, {@code SEND FAIL} or
   * {@code SET OK}. With {@code AT+SYSLOG=1} a failure carries the code of the {@code ERR CODE:}
   * line before it (P-14).
   *
   * @param code which result
   * @param errorCode the code reported with it, if any
   */
  record FinalResult(ResultCode code, Optional<ErrorCode> errorCode) implements ResponseEvent {
    public static FinalResult of(ResultCode code) {
      return new FinalResult(code, Optional.empty());
    }

    public static FinalResult of(ResultCode code, ErrorCode errorCode) {
      return new FinalResult(code, Optional.of(errorCode));
    }
  }

  /**
   * {@code +NAME:value}, the answer of a query or a command's report, for example
   * {@code +CWMODE:1} or {@code +HTTPGETSIZE:5000}.
   *
   * @param name the name without {@code +}
   * @param value everything after the colon
   */
  record InformationLine(String name, String value) implements ResponseEvent {}

  /**
   * A length-delimited body frame {@code +CMD:<len>,<bytes>} (P-30): the bytes are exactly as
   * sent, CR, LF and NUL included.
   *
   * @param command the command name without {@code +}, for example {@code HTTPCGET}
   * @param data the frame's bytes
   */
  record BodyFrame(String command, byte[] data) implements ResponseEvent {
    public BodyFrame {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    /** The frame's length in bytes. */
    public int length() {
      return data.length;
    }

    /** Writes the bytes to {@code out} without the copy {@link #data()} makes: for bulk bodies. */
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
      out.write(data);
    }

    /** The bytes decoded as UTF-8, for frames that carry text (header lines, URLs). */
    public String text() {
      return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BodyFrame f && command.equals(f.command) && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
      return command.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "BodyFrame[" + command + ", " + data.length + " bytes]";
    }
  }

  /** The {@code >} that opens data mode (P-05, P-11); it follows an {@code OK}. */
  record DataPrompt() implements ResponseEvent {}

  /**
   * {@code busy p...}: the line just sent was dropped because a command is running (P-10). It is
   * not the running command's result.
   *
   * @param text the line, {@code busy p...} or the firmware's other busy forms
   * @param errorCode the {@code ERR CODE:} reported before it with SYSLOG on
   */
  record Busy(String text, Optional<ErrorCode> errorCode) implements ResponseEvent {}

  /** {@code ready}: the device has (re)started (P-05, P-40); earlier state is gone. */
  record Ready() implements ResponseEvent {}

  /**
   * A message the firmware sends on its own, not as part of a command's answer: {@code WIFI
   * CONNECTED}, {@code WIFI GOT IP}, {@code WIFI DISCONNECT}, {@code +STA_CONNECTED:...}.
   * (During AT+CWJAP and AT+CWQAP the same lines are part of the answer.)
   *
   * @param text the line without CR LF
   */
  record UnsolicitedMessage(String text) implements ResponseEvent {}

  /**
   * Any other line: the echo of a command, the lines of {@code AT+GMR}, {@code No AP}.
   *
   * @param text the line without CR LF
   */
  record TextLine(String text) implements ResponseEvent {}
}
