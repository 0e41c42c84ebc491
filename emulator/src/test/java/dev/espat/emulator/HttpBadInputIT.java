package dev.espat.emulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input to the HTTP commands: the right parse error, nothing sent, the device usable (P-09, P-20..P-24). */
class HttpBadInputIT {
  /** A real HTTP server per class, reset before each test (the extension's default). */
  @RegisterExtension
  static final WireMockExtension server = WireMockExtension.newInstance().options(options().dynamicPort()).build();

  @BeforeEach
  void stub() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withBody("ok")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "AT+HTTPCGET=\"127.0.0.1/no-scheme\"                     | 0x01080001",
      "AT+HTTPCGET=\"http://127.0.0.1/with space\"             | 0x01080001",
      "AT+HTTPCGET=\"ftp://127.0.0.1/file\"                    | 0x01080001",
      "AT+HTTPCGET=\"\"                                        | 0x01080001",
      "AT+HTTPCGET=\"http://h/\",10241                         | 0x01080002",
      "AT+HTTPCGET=\"http://h/\",,-1                           | 0x01080003",
      "AT+HTTPCGET=\"http://h/\",,,180001                      | 0x01080004",
      "AT+HTTPCGET=\"http://h/\",1,1,1,1                       | 0x01060000",
      "AT+HTTPCLIENT=2,4,\"http://h/\",,,1                     | 0x01080002",
      "AT+HTTPCLIENT=2,0,\"http://h/\",,,3                     | 0x01080006",
      "AT+HTTPCLIENT=2,0,\"http://h/\",,,1,\"no colon\"        | 0x01080007",
      "AT+HTTPCLIENT=2,0,\"\",,,1                              | 0x01080003",
      "AT+HTTPCLIENT=2,0,\"http://h/\"                         | 0x01060000",
      "AT+HTTPCPOST=\"http://h/post\",27,2,\"a: b\"            | 0x01080003",
      "AT+HTTPCPOST=\"http://h/post\",27,1,\"a: b\",\"c: d\"   | 0x01080003",
      "AT+HTTPCPOST=\"http://h/post\",27,1,\"ab\"              | 0x01080004",
      "AT+HTTPCPOST=\"http://h/post\",-5                       | 0x01080002",
      "AT+HTTPCPOST=\"http://h/post\",2147483647               | 0x01080002",
      "AT+HTTPCFG=4                                            | 0x01080001",
      "AT+HTTPCFG=2,-1                                         | 0x01080002"})
  @DisplayName("P-09 P-20 P-23 P-26 transcript 16: the parse error names the parameter, no prompt, nothing sent")
  void parameterErrors(String line, String code) {
    try (EmulatorSession s = HttpSessions.joined()) {
      s.exchange("AT+SYSLOG=1\r\n");
      assertThat(s.exchange(line.strip() + "\r\n")).isEqualTo("ERR CODE:" + code + "\\r\\n\\r\\nERROR\\r\\n");
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(s.emulator().device().takeRequest(Duration.ofMillis(20))).isEmpty();
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  @DisplayName("P-24: a URL of 8193 bytes is refused by AT+HTTPURLCFG, 8192 is stored")
  void longUrl() {
    try (EmulatorSession s = HttpSessions.joined()) {
      s.exchange("AT+SYSLOG=1\r\n");
      assertThat(s.exchange("AT+HTTPURLCFG=8193\r\n")).isEqualTo("ERR CODE:0x01080001\\r\\n\\r\\nERROR\\r\\n");
      String prefix = "http://127.0.0.1:" + server.getPort() + "/";
      String url = prefix + "a".repeat(8192 - prefix.length());
      assertThat(s.exchange("AT+HTTPURLCFG=8192\r\n")).endsWith(">");
      s.send(url);
      assertThat(s.readResponse()).isEqualTo("\\r\\nSET OK\\r\\n");
      assertThat(s.exchange("AT+HTTPCGET=\"\"\r\n")).isEqualTo("+HTTPCGET:2,ok\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-12 P-13: data mode abandoned mid-body (data-mode timeout) answers SEND FAIL, nothing sent, device usable")
  void abandonedBody() {
    try (EmulatorSession s = HttpSessions.joined(EspAtEmulator.builder().dataModeTimeout(Duration.ofMillis(200)))) {
      assertThat(s.exchange("AT+HTTPCPOST=\"http://127.0.0.1:" + server.getPort() + "/post\",10\r\n")).endsWith(">");
      s.send("half");
      assertThat(s.readResponse()).isEqualTo("\\r\\nSEND FAIL\\r\\n");
      assertThat(s.exchange("AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
