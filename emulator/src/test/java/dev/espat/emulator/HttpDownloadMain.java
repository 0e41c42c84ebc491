package dev.espat.emulator;

import dev.espat.emulator.port.InMemoryConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A child process for HttpLargeDownloadIT: an emulator in a small heap downloads {@code args[0]}
 * through AT+HTTPCGET and prints {@code <result> <sha256> <bytes> <frames>}.
 */
public final class HttpDownloadMain {
  private HttpDownloadMain() {}

  public static void main(String[] args) throws IOException {
    try (EspAtEmulator esp = EspAtEmulator.builder().unpaced().bootDelay(Duration.ZERO).start();
         InMemoryConnection host = esp.connect()) {
      BodyDigest reader = new BodyDigest(host.input());
      for (String line : new String[] {"ATE0", "AT+CWJAP=\"home\",\"pw\"", "AT+HTTPCGET=\"" + args[0] + "\",,,10000"}) {
        host.output().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        host.output().flush();
        BodyDigest.Result r = reader.awaitFinal();
        if (line.startsWith("AT+HTTPCGET")) {
          System.out.println(r.result().code() + " " + r.sha256() + " " + r.bodyBytes() + " " + r.frames());
        }
      }
    }
  }
}
