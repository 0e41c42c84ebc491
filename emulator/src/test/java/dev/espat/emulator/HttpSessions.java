package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.grammar.response.ResponseDecoder;
import dev.espat.grammar.response.ResponseEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/** What the HTTP tests share: a joined session, and frames read back into bodies (P-30). */
final class HttpSessions {
  private HttpSessions() {}

  /** A session whose station has an IP (P-43), echo off, unpaced. */
  static EmulatorSession joined(EspAtEmulator.Builder builder) {
    EmulatorSession s = EmulatorSession.start(builder);
    assertThat(s.exchange("AT+CWJAP=\"home\",\"pw\"\r\n")).endsWith("OK\\r\\n");
    return s;
  }

  static EmulatorSession joined() {
    return joined(EspAtEmulator.builder());
  }

  /** Every event in what the device wrote, frames read by length. */
  static List<ResponseEvent> events(byte[] bytes) {
    ResponseDecoder decoder = new ResponseDecoder();
    decoder.receive(bytes);
    List<ResponseEvent> events = decoder.drain();
    assertThat(decoder.bufferedBytes()).as("bytes left after the last event").isZero();
    return events;
  }

  /** The frames of one command, concatenated. */
  static byte[] body(List<ResponseEvent> events, String command) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    events.stream().filter(ResponseEvent.BodyFrame.class::isInstance).map(ResponseEvent.BodyFrame.class::cast)
        .forEach(f -> {
          assertThat(f.command()).isEqualTo(command);
          body.writeBytes(f.data());
        });
    return body.toByteArray();
  }

  /** The sizes of the frames, in order. */
  static List<Integer> frameSizes(List<ResponseEvent> events) {
    return events.stream().filter(ResponseEvent.BodyFrame.class::isInstance)
        .map(e -> ((ResponseEvent.BodyFrame) e).data().length).toList();
  }

  /** A port nothing listens on: bound, then released. */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
