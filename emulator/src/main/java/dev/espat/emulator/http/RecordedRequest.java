package dev.espat.emulator.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request the device sent, as a test sees it through
 * {@code EmulatedDevice.takeRequest(Duration)}, in the manner of MockWebServer's
 * {@code takeRequest}.
 *
 * <pre>{@code
 * RecordedRequest r = esp.device().takeRequest(Duration.ofSeconds(5)).orElseThrow();
 * assertThat(r.header("User-Agent")).contains("ESP32 HTTP Client/1.0");
 * }</pre>
 *
 * @param method {@code GET}, {@code POST}...
 * @param url the absolute URL, as the firmware asked for it
 * @param headers the header lines sent, in order
 * @param bodySize how many body bytes were sent
 */
public record RecordedRequest(String method, String url, List<Map.Entry<String, String>> headers, long bodySize) {

  public RecordedRequest {
    headers = List.copyOf(headers);
  }

  /** The first header of that name, case-insensitively. */
  public Optional<String> header(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return headers.stream().filter(h -> h.getKey().toLowerCase(Locale.ROOT).equals(n)).map(Map.Entry::getValue).findFirst();
  }

  static RecordedRequest of(OutgoingRequest request) {
    return new RecordedRequest(request.method(), request.uri().toString(), request.headers(),
        request.body() == null ? 0 : request.body().length);
  }
}
