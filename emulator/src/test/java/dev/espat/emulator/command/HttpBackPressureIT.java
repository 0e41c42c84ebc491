package dev.espat.emulator.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.BodyDigest;
import dev.espat.emulator.GeneratedBytesServer;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.DeviceOptions;
import dev.espat.emulator.http.HttpEngine;
import dev.espat.emulator.http.HttpOptions;
import dev.espat.emulator.http.RequestLog;
import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.emulator.port.Pacing;
import dev.espat.emulator.trace.Trace;
import dev.espat.grammar.response.ResultCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A paced UART slower than the network: the download waits for it, in bounded memory (P-33, P-50). */
class HttpBackPressureIT {
  private static final int BAUD = 2_000_000;
  private static final int SIZE = 1 << 20;

  @Test
  @DisplayName("P-33 P-50: 1 MiB to a slow, stalling reader: bytes waiting stay under watermark + one read, no false timeout")
  void boundedWhilePaced() throws Exception {
    DeviceOptions options = DeviceOptions.defaults().withBootDelay(Duration.ZERO).withBaudRate(BAUD);
    try (GeneratedBytesServer server = new GeneratedBytesServer();
         HttpEngine engine = new HttpEngine(HttpOptions.defaults())) {
      HttpCommands http = new HttpCommands(engine, new RequestLog());
      Device device = new Device("dev0", options, StandardFamilies.all(http), Trace.inMemory());
      try (InMemoryConnection host = new InMemoryConnection(device, Pacing.at(BAUD))) {
        device.powerOn();
        // Reads 4 KiB at a time at about 100 KB/s, and stalls for 2.5 s (past the 1 s timeout) at 300 KB.
        BodyDigest reader = new BodyDigest(host.input(), 4096, total -> {
          Thread.sleep(total > 300_000 && total - 4096 <= 300_000 ? 2500 : 40);
        });
        for (String line : new String[] {"ATE0", "AT+CWJAP=\"home\",\"pw\""}) {
          send(host, line);
          assertThat(reader.awaitFinal().result().code()).isEqualTo(ResultCode.OK);
        }
        send(host, "AT+HTTPCGET=\"" + server.url("/bytes/" + SIZE) + "\",,,1000");
        BodyDigest.Result r = reader.awaitFinal();
        assertThat(r.result().code()).as("no network timeout while we paused").isEqualTo(ResultCode.OK);
        assertThat(r.sha256()).isEqualTo(GeneratedBytesServer.sha256(SIZE));
        assertThat(http.peakBufferedBytes())
            .as("the network was paused (the watermark was reached) and memory stayed bounded")
            .isGreaterThan(HttpTransfer.HIGH_WATERMARK)
            .isLessThanOrEqualTo(HttpTransfer.HIGH_WATERMARK + HttpEngine.MAX_READ);
      } finally {
        device.close();
      }
    }
  }

  private static void send(InMemoryConnection host, String line) throws java.io.IOException {
    host.output().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    host.output().flush();
  }
}
