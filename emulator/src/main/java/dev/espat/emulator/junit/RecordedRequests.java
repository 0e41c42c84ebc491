package dev.espat.emulator.junit;

import dev.espat.emulator.EmulatedDevice;
import dev.espat.emulator.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP requests an emulated device sent, oldest first, as MockWebServer's
 * {@code takeRequest}: each is handed out once.
 *
 * <pre>{@code
 * RecordedRequest r = requests.take().orElseThrow();
 * assertThat(r.method()).isEqualTo("POST");
 * assertThat(r.header("Content-Type")).contains("application/json");
 * }</pre>
 */
public final class RecordedRequests {
  /** How long {@link #take()} waits. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

  private final EmulatedDevice device;

  public RecordedRequests(EmulatedDevice device) {
    this.device = device;
  }

  /** The oldest request not taken yet, waiting up to {@link #DEFAULT_WAIT}; empty if none came. */
  public Optional<RecordedRequest> take() {
    return take(DEFAULT_WAIT);
  }

  /** The oldest request not taken yet, waiting up to {@code wait}; empty if none came. */
  public Optional<RecordedRequest> take(Duration wait) {
    return device.takeRequest(wait);
  }

  /** Every request not taken yet, without waiting. */
  public List<RecordedRequest> takeAll() {
    List<RecordedRequest> all = new ArrayList<>();
    Optional<RecordedRequest> next;
    while ((next = device.takeRequest(Duration.ZERO)).isPresent()) {
      all.add(next.get());
    }
    return all;
  }
}
