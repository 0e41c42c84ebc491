package dev.espat.emulator.http;

import java.util.List;
import java.util.Map;

/**
 * What an {@link HttpCall} reports, on the engine's network thread, in order: {@link #onSent} for
 * each request put on the wire (one per redirect followed), then {@link #onHead}, the body in
 * {@link #onBody} pieces as they arrive (decoded from chunked and gzip, P-32), and exactly one of
 * {@link #onEnd} or {@link #onFailure}. A listener must not block: it hands work to the device
 * thread and slows the network with {@link HttpCall#pause()}.
 */
public interface ResponseListener {

  /** The call was created, before anything else is reported: the handle to pause it with. */
  default void onStart(HttpCall call) {}

  /** A request went out; a redirect followed sends another. */
  default void onSent(OutgoingRequest request) {}

  /** The status line and headers of the final response, headers in the order received. */
  void onHead(int status, List<Map.Entry<String, String>> headers);

  /** Some body bytes, as one network read delivered them; the array is the listener's. */
  void onBody(byte[] bytes);

  /** The whole response arrived. */
  void onEnd();

  /** The exchange failed: DNS, refused, TLS, timeout, a malformed or cut-short response. */
  void onFailure(String reason);
}
