package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.emulator.junit.EspAtEmulatorTest;
import dev.espat.emulator.junit.PortUrl;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.Parameter;
import dev.espat.grammar.response.ResultCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * P-11, P-12, P-24, P-25: a command that prompts with {@code >} takes its payload from the driver,
 * and its final result comes after the payload (transcripts 12 and 13). The emulator comes from
 * the project's JUnit extension, a fresh one per method, over TCP.
 */
@EspAtEmulatorTest
class DataModeIT {

  @Test
  void payloadAfterThePrompt(@PortUrl String port) {
    try (EspAt esp = EspAt.open(port)) {
      byte[] url = "http://example.com/a,b\"c".getBytes(StandardCharsets.UTF_8);
      Response set = esp.executeWithData(AtCommand.set("+HTTPURLCFG", Parameter.integer(url.length)), url, Duration.ofSeconds(5));
      assertThat(set.result().code()).isEqualTo(ResultCode.SET_OK);
      Response stored = esp.execute(AtCommand.query("+HTTPURLCFG"));
      assertThat(stored.frames()).singleElement().satisfies(f -> assertThat(f.data()).isEqualTo(url));

      byte[] header = "Range: bytes=0-255".getBytes(StandardCharsets.US_ASCII);
      Response head = esp.executeWithData(AtCommand.set("+HTTPCHEAD", Parameter.integer(header.length)), header, Duration.ofSeconds(5));
      assertThat(head.result().code()).isEqualTo(ResultCode.OK);
      assertThat(esp.execute(AtCommand.query("+HTTPCHEAD")).information("HTTPCHEAD")).containsExactly("0,\"Range: bytes=0-255\"");
    }
  }

  /** P-24: a length out of range is a parameter error before any prompt; the payload is never sent. */
  @Test
  void errorInsteadOfThePrompt(@PortUrl String port) {
    try (EspAt esp = EspAt.open(port)) {
      assertThatThrownBy(() -> esp.executeWithData(AtCommand.set("+HTTPURLCFG", Parameter.integer(3)), new byte[3], Duration.ofSeconds(5)))
          .isInstanceOf(CommandFailedException.class).hasMessageContaining("0x01080001");
      assertThat(esp.execute(AtCommand.execute("")).succeeded()).isTrue();
    }
  }
}
