package dev.espat.driver;

import dev.espat.grammar.response.ResponseEvent;

/**
 * Hears what the device says on its own: {@link ResponseEvent.UnsolicitedMessage} lines such as
 * {@code WIFI DISCONNECT} or {@code WIFI GOT IP} (also when they are part of a command's answer,
 * P-42), and {@link ResponseEvent.Ready} when the device restarted (P-40). Called on the driver's
 * event thread, one event at a time and in order, never on the thread that reads the port: a slow
 * listener delays other listeners, not the device.
 *
 * <pre>{@code
 * esp.addListener(event -> {
 *   if (event instanceof ResponseEvent.UnsolicitedMessage m && m.text().equals("WIFI DISCONNECT")) {
 *     reconnectLater();
 *   }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface DeviceListener {

  /** One event; an exception thrown here is logged and does not reach other listeners. */
  void onEvent(ResponseEvent event);
}
