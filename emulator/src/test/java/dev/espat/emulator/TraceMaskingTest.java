package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.emulator.trace.TraceEvent;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Secrets never reach the trace, however the host splits its bytes. */
class TraceMaskingTest {

  @Test
  @DisplayName("a password typed in pieces, and an Authorization header sent in pieces in data mode, stay masked")
  void secretsSentInPieces() throws Exception {
    try (EspAtEmulator esp = EspAtEmulator.builder().unpaced().start()) {
      InMemoryConnection c = esp.connect();
      try (RawHost host = new RawHost(c.input(), c.output(), c)) {
        // As a terminal sends it: the password arrives in a read of its own.
        host.send("AT+CWJAP=\"home\",\"");
        esp.device().device().idle().get();
        host.send("hunter2-secret\"\r\n");
        host.readResponse();
        String header = "Authorization: Basic aHVudGVyMi1zZWNyZXQ=";
        host.send("AT+HTTPCHEAD=" + header.length() + "\r\n");
        host.readResponse();
        host.send(header.substring(0, 22));
        host.drainFor(Duration.ofMillis(100));
        host.send(header.substring(22));
        host.readResponse();
      }
      String trace = String.join("\n", esp.trace().events().stream().map(TraceEvent::line).toList());
      assertThat(trace).doesNotContain("hunter2", "aHVudGVy", "ZWNyZXQ")
          .contains("AT+CWJAP=\"home\",\"***\"", "Authorization: ***");
    }
  }
}
