package dev.espat.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.espat.emulator.fault.Fault;
import dev.espat.emulator.fault.InjectedFault;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON of faults: every type written and read back, and bad bodies refused naming what is wrong. */
class FaultJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Fault> everyType() {
    return Stream.of(
        new Fault.PortLatency(Duration.ofMillis(200)), new Fault.HttpLatency(Duration.ofMillis(500)),
        new Fault.DropConnectionMidBody(1000), new Fault.DnsFailure("example.com"), new Fault.Busy(3),
        new Fault.SendFailNext(), new Fault.TruncateNextBody(100), new Fault.Garbage(new byte[] {0, (byte) 0xff}),
        new Fault.Reset(), new Fault.StallOutput(Duration.ofSeconds(2)), new Fault.WifiDisconnect());
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void writtenAndReadBack(Fault fault) {
    var written = FaultJson.write(new InjectedFault(7, fault));
    assertThat(written.get("id").asLong()).isEqualTo(7);
    assertThat(written.get("type").asText()).isEqualTo(fault.type());
    written.remove(List.of("id", "lifetime"));
    assertThat(FaultJson.read(written)).isEqualTo(fault);
  }

  @org.junit.jupiter.api.Test
  void everyTypeHasAName() {
    assertThat(everyType().map(Fault::type)).containsExactlyElementsOf(FaultJson.FIELDS.keySet());
  }

  @org.junit.jupiter.api.Test
  void garbageAsText() throws Exception {
    assertThat(FaultJson.read(JSON.readTree("{\"type\":\"garbage\",\"text\":\"+Q\\r\\n\"}")))
        .isEqualTo(new Fault.Garbage("+Q\r\n".getBytes()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[1]|the body must be a JSON object",
      "{}|the fault needs a \"type\", one of: port-latency, http-latency",
      "{\"type\":\"bsuy\"}|unknown fault type 'bsuy'; known: port-latency",
      "{\"type\":\"busy\",\"comands\":3}|unknown field 'comands' for fault 'busy'; it takes commands",
      "{\"type\":\"reset\",\"now\":true}|unknown field 'now' for fault 'reset'; it takes no fields",
      "{\"type\":\"busy\"}|fault 'busy' needs the field 'commands' (an integer)",
      "{\"type\":\"busy\",\"commands\":\"3\"}|field 'commands' of fault 'busy' must be an integer, got \"3\"",
      "{\"type\":\"busy\",\"commands\":99999999999}|field 'commands' of fault 'busy' must be 1..10000, got 99999999999",
      "{\"type\":\"port-latency\",\"millis\":-1}|field 'millis' of fault 'port-latency' must be 0..600000, got -1",
      "{\"type\":\"drop-connection\",\"afterBytes\":-1}|fault 'drop-connection': afterBytes must be 0 or more, got -1",
      "{\"type\":\"dns-failure\",\"host\":\"\"}|fault 'dns-failure': host must be 1..253 characters, got ''",
      "{\"type\":\"garbage\"}|fault 'garbage' needs exactly one of 'base64' (any bytes) and 'text' (UTF-8)",
      "{\"type\":\"garbage\",\"base64\":\"%%%\"}|field 'base64' of fault 'garbage' is not Base64"
  })
  void badBodiesNameWhatIsWrong(String row) throws Exception {
    String[] parts = row.split("\\|", 2);
    var body = JSON.readTree(parts[0]);
    assertThatThrownBy(() -> FaultJson.read(body)).isInstanceOf(AdminException.class)
        .hasMessageStartingWith(parts[1])
        .satisfies(e -> assertThat(((AdminException) e).status()).isEqualTo(400));
  }
}
