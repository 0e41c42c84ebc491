package dev.espat.driver;

import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.response.ResponseEvent;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import dev.espat.grammar.response.ResponseEvent.FinalResult;
import dev.espat.grammar.response.ResponseEvent.InformationLine;
import dev.espat.grammar.response.ResponseEvent.TextLine;
import dev.espat.grammar.response.ResponseEvent.UnsolicitedMessage;
import java.util.List;
import java.util.Optional;

/**
 * What a device answered one command: the lines and frames in the order they came, and the final
 * result (P-05).
 *
 * <pre>{@code
 * Response r = esp.execute(AtCommand.query("+CWMODE"));
 * r.information("CWMODE");   // ["1"]
 * r.textLines();             // lines such as the four of AT+GMR
 * }</pre>
 *
 * @param command the command line as text, secrets masked
 * @param events information lines, text lines, unsolicited lines and body frames, in order
 * @param result the final result
 */
public record Response(String command, List<ResponseEvent> events, FinalResult result) {

  public Response {
    events = List.copyOf(events);
  }

  /** The values of the {@code +NAME:} lines with this name (without {@code +}), in order. */
  public List<String> information(String name) {
    return events.stream()
        .filter(InformationLine.class::isInstance)
        .map(InformationLine.class::cast)
        .filter(i -> i.name().equalsIgnoreCase(name))
        .map(InformationLine::value)
        .toList();
  }

  /** The first {@code +NAME:} value with this name. */
  public Optional<String> firstInformation(String name) {
    return information(name).stream().findFirst();
  }

  /** Lines that are neither information nor unsolicited: AT+GMR's lines, {@code No AP}, echoes. */
  public List<String> textLines() {
    return events.stream().filter(TextLine.class::isInstance).map(e -> ((TextLine) e).text()).toList();
  }

  /** Lines such as {@code WIFI CONNECTED} that came while the command ran (P-42). */
  public List<String> unsolicited() {
    return events.stream().filter(UnsolicitedMessage.class::isInstance).map(e -> ((UnsolicitedMessage) e).text()).toList();
  }

  /** The body frames (P-30), in order. */
  public List<BodyFrame> frames() {
    return events.stream().filter(BodyFrame.class::isInstance).map(BodyFrame.class::cast).toList();
  }

  /** The device's error code, when the command failed with one (P-14). */
  public Optional<ErrorCode> errorCode() {
    return result.errorCode();
  }

  /** Whether the command succeeded ({@code OK}, {@code SEND OK}, {@code SET OK}). */
  public boolean succeeded() {
    return !result.code().isFailure();
  }
}
