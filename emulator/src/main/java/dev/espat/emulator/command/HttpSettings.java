package dev.espat.emulator.command;

import dev.espat.emulator.device.DeviceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What AT+HTTPURLCFG and AT+HTTPCHEAD store (P-24, P-25): a URL used when a command's url is
 * {@code ""}, and headers sent with every HTTP command. Kept in RAM: a reset clears them.
 */
public final class HttpSettings {
  private byte[] url;
  private final List<byte[]> headers = new ArrayList<>();

  /** The settings of a device, created empty on first use. */
  public static HttpSettings of(DeviceState state) {
    return state.ram(HttpSettings.class, HttpSettings::new);
  }

  /** The stored URL, if any. */
  public Optional<byte[]> url() {
    return Optional.ofNullable(url).map(byte[]::clone);
  }

  void setUrl(byte[] value) {
    url = value == null ? null : value.clone();
  }

  /** The stored header lines, {@code Key: Value}, in the order stored. */
  public List<byte[]> headers() {
    return headers.stream().map(byte[]::clone).toList();
  }

  void clearHeaders() {
    headers.clear();
  }

  /** Stores a header; with {@code replaceSameKey} (4.1+) it replaces one with the same key. */
  void addHeader(byte[] line, boolean replaceSameKey) {
    if (replaceSameKey) {
      String key = HeaderLines.key(line);
      headers.removeIf(h -> HeaderLines.key(h).equals(key));
    }
    headers.add(line.clone());
  }
}
