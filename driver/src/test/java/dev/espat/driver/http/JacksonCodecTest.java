package dev.espat.driver.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** JsonCodec is pluggable: Jackson behind it in a few lines, and Jackson as an oracle for the minimal codec. */
class JacksonCodecTest {

  /** The whole plug: a JsonCodec over a Jackson ObjectMapper. */
  record JacksonCodec(ObjectMapper mapper) implements JsonCodec {
    @Override
    public void write(Object value, OutputStream out) throws IOException {
      mapper.writeValue(out, value);
    }

    @Override
    public <T> T read(InputStream in, Class<T> type) throws IOException {
      return mapper.readValue(in, type);
    }
  }

  record Reading(String sensor, double celsius, List<String> tags) {}

  private static final JsonCodec JACKSON = new JacksonCodec(new ObjectMapper());

  @Test
  void readsIntoARecordThroughJackson() throws IOException {
    String json = "{\"sensor\":\"t1\",\"celsius\":21.5,\"tags\":[\"roof\",\"north\"]}";
    Reading reading = JACKSON.read(new ByteArrayInputStream(json.getBytes(UTF_8)), Reading.class);
    assertThat(reading).isEqualTo(new Reading("t1", 21.5, List.of("roof", "north")));

    assertThat(write(JACKSON, reading)).isEqualTo(json);
    assertThat(write(JsonCodec.minimal(), reading)).isEqualTo(json); // the minimal codec writes records too
    assertThatThrownBy(() -> JsonCodec.minimal().read(new ByteArrayInputStream(json.getBytes(UTF_8)), Reading.class))
        .isInstanceOf(JsonException.class).hasMessageContaining("plug a full codec");
  }

  @Test
  void codeWrittenAgainstJsonCodecTakesEither() throws IOException {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("purpose", "test");
    value.put("n", 42);
    value.put("list", List.of(true, "\u00e9"));
    for (JsonCodec codec : List.of(JsonCodec.minimal(), JACKSON)) {
      byte[] json = write(codec, value).getBytes(UTF_8);
      Map<?, ?> read = codec.read(new ByteArrayInputStream(json), Map.class);
      assertThat(read.get("purpose")).as(codec.toString()).isEqualTo("test");
      assertThat(read.get("list")).as(codec.toString()).isEqualTo(List.of(true, "\u00e9"));
      // both fail with an IOException, so one catch serves both
      assertThatThrownBy(() -> codec.read(new ByteArrayInputStream("{\"a\":1,}".getBytes(UTF_8)), Map.class))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void jacksonReadsWhatTheMinimalCodecWrites() throws IOException {
    ObjectMapper exact = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      Object value = JsonCodecTest.generate(random, 0);
      String json = JsonCodecTest.write(value);
      assertThat(normalize(exact.readValue(json, Object.class))).as(json).isEqualTo(normalize(value));
    }
  }

  @Test
  void acceptsExactlyWhatJacksonAccepts() throws IOException {
    ObjectMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    Random random = new Random(11);
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] input = JsonCodecTest.mutate(random, JsonCodecTest.utf8(JsonCodecTest.write(JsonCodecTest.generate(random, 0))));
      boolean jackson = jacksonAccepts(strict, input);
      boolean minimal;
      try {
        JsonCodec.minimal().read(new ByteArrayInputStream(input), Object.class);
        minimal = true;
      } catch (JsonException e) {
        if (e.getMessage().contains("number out of range") && jackson) {
          continue; // 1e9999999999: valid syntax, beyond BigDecimal; a limit RFC 8259 section 9 allows
        }
        minimal = false;
      }
      assertThat(minimal).as("minimal vs Jackson on %s (%s)", new String(input, UTF_8), Arrays.toString(input))
          .isEqualTo(jackson);
      if (minimal) {
        accepted++;
      } else {
        refused++;
      }
    }
    assertThat(accepted).isGreaterThan(500);
    assertThat(refused).isGreaterThan(500);
  }

  /**
   * Jackson's verdict, on bytes the JDK decodes as strict UTF-8 (RFC 8259 section 8.1) and that
   * hold no NUL. Jackson is not the judge of the encoding: it lets an encoded surrogate (ED A0 80)
   * through, and guesses UTF-16 or UTF-32 from a NUL among the first bytes; a raw NUL is never valid
   * JSON anyway. (Its String input is no judge either: 2.20.1 takes a non-ASCII character as a hex
   * digit of a backslash-u escape by its low byte.)
   */
  private static boolean jacksonAccepts(ObjectMapper mapper, byte[] input) {
    for (byte b : input) {
      if (b == 0) {
        return false;
      }
    }
    try {
      UTF_8.newDecoder().decode(ByteBuffer.wrap(input));
    } catch (CharacterCodingException e) {
      return false;
    }
    try {
      JsonNode node = mapper.readTree(input);
      return node != null && !node.isMissingNode(); // Jackson answers an empty input with no node
    } catch (IOException e) {
      return false;
    }
  }

  /** Numbers compared by value (Jackson reads 1 as Integer, the minimal codec as Long). */
  private static Object normalize(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, normalize(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(normalize(v)));
      return out;
    }
    return value;
  }

  private static String write(JsonCodec codec, Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.write(value, out);
    return out.toString(UTF_8);
  }
}
