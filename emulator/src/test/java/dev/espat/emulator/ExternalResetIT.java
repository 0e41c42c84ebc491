package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.grammar.Bytes;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link EmulatedDevice#reset()}: a reset from outside the UART (the EN pin) restarts the device
 * exactly as AT+RST does after its OK (P-40, P-51), abandoning whatever runs.
 */
class ExternalResetIT {

  @Test
  @DisplayName("P-40: an idle device prints ready, with RAM settings lost (echo back on, SYSLOG off)")
  void idleReset() {
    try (EmulatorSession s = EmulatorSession.start()) {
      s.exchange("AT+SYSLOG=1\r\n");
      s.emulator().device().reset();
      assertThat(s.readUntilEnd("ready\\r\\n", RawHost.PATIENCE)).isEqualTo("\\r\\nready\\r\\n");
      assertThat(s.exchange("AT+SYSLOG?\r\n")).isEqualTo("AT+SYSLOG?\\r\\n+SYSLOG:0\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-10 P-40: a join in flight is abandoned: no final result, ready, then commands are not busy")
  void joinInFlightIsAbandoned() {
    try (EmulatorSession s = EmulatorSession.start(EspAtEmulator.builder()
        .accessPoint("espressif", "1234567890").joinDelay(Duration.ofSeconds(2)))) {
      s.send("AT+CWJAP=\"espressif\",\"1234567890\"\r\n");
      s.send("AT\r\n");
      assertThat(s.readUntilEnd("busy p...\\r\\n", RawHost.PATIENCE)).as("the join runs").isEqualTo("\\r\\nbusy p...\\r\\n");
      s.emulator().device().reset();
      assertThat(s.readUntilEnd("ready\\r\\n", RawHost.PATIENCE)).isEqualTo("\\r\\nready\\r\\n");
      s.exchange("ATE0\r\n");
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      // The join's delayed steps belong to the device's previous life: they never print.
      assertThat(s.drainFor(Duration.ofMillis(2500))).isEmpty();
      assertThat(s.exchange("AT+CWSTATE?\r\n")).isEqualTo("+CWSTATE:0,\"\"\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-33 P-40: a download in progress stops at the reset; what the server sends later never reaches the UART")
  void downloadInProgressStops() {
    try (GeneratedBytesServer server = new GeneratedBytesServer();
         EmulatorSession s = HttpSessions.joined()) {
      s.send("AT+HTTPCGET=\"" + server.url("/held/100000") + "\"\r\n");
      assertThat(s.readUntilEnd("\\r\\n", RawHost.PATIENCE)).startsWith("+HTTPCGET:1024,");
      s.emulator().device().reset();
      // The auto-connect's lines may come in the same read as ready: read up to ready, not to the end.
      String boot = Bytes.show(s.host().readUntil(b -> Bytes.show(b).contains("ready\\r\\n"), RawHost.PATIENCE));
      assertThat(boot).startsWith("\\r\\nready\\r\\n");
      server.release();
      // Only the auto-connect to the network joined before (stored in flash, P-45) may print.
      assertThat(boot.substring("\\r\\nready\\r\\n".length()) + s.drainFor(Duration.ofMillis(1000)))
          .as("no more frames, no OK").isIn("", "WIFI CONNECTED\\r\\nWIFI GOT IP\\r\\n");
      s.exchange("ATE0\r\n");
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }
}
