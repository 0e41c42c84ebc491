package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the emulator makes of httpbin's harder answers: gzip, chunked, an error status (P-16, P-17, P-32). */
class HttpbinIT {
  @RegisterExtension
  static final HttpbinServer httpbin = HttpbinServer.plain();

  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmulatorSession session() {
    return HttpSessions.joined(EspAtEmulator.builder().resolve("httpbin.org", 80, "127.0.0.1", httpbin.port()));
  }

  private static byte[] get(EmulatorSession s, String path) {
    return HttpSessions.body(HttpSessions.events(s.host().exchange("AT+HTTPCGET=\"http://httpbin.org" + path + "\"\r\n")), "HTTPCGET");
  }

  @Test
  @DisplayName("P-32: httpbin's /gzip (always gzipped) arrives decoded")
  void gzip() throws IOException {
    try (EmulatorSession s = session()) {
      JsonNode echo = JSON.readTree(get(s, "/gzip"));
      assertThat(echo.at("/gzipped").asBoolean()).isTrue();
      assertThat(echo.at("/headers/User-Agent").asText()).isEqualTo("ESP32 HTTP Client/1.0");
    }
  }

  @Test
  @DisplayName("P-32: httpbin's /stream/5 (chunked) arrives as its five JSON lines, no chunk sizes")
  void chunked() throws IOException {
    try (EmulatorSession s = session()) {
      List<String> lines = new String(get(s, "/stream/5"), StandardCharsets.UTF_8).lines().toList();
      assertThat(lines).hasSize(5);
      for (int i = 0; i < lines.size(); i++) {
        assertThat(JSON.readTree(lines.get(i)).at("/id").asInt()).isEqualTo(i);
      }
    }
  }

  @Test
  @DisplayName("P-16 P-17: a 418 from httpbin streams its body on 4.1, then ERR CODE:0x010a71a2 and ERROR")
  void errorStatus() {
    try (EmulatorSession s = session()) {
      s.exchange("AT+SYSLOG=1\r\n");
      String answer = s.exchange("AT+HTTPCLIENT=2,0,\"http://httpbin.org/status/418\",,,1\r\n");
      assertThat(answer).startsWith("+HTTPCLIENT:").contains("teapot").endsWith("ERR CODE:0x010a71a2\\r\\n\\r\\nERROR\\r\\n");
    }
  }
}
