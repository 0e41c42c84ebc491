package dev.espat.emulator.command;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Where faults reach into the HTTP commands: asked on the device thread when a command starts a
 * request or takes its body, so a one-shot fault is used by exactly one command.
 * {@link #failsToResolve} is asked from the network thread, for every hop.
 *
 * <pre>{@code
 * new HttpCommands(engine, requests, faults.httpHooks());
 * }</pre>
 */
public interface HttpFaultHooks {

  /** Hooks that change nothing. */
  HttpFaultHooks NONE = new HttpFaultHooks() {};

  /** How long the next request waits before it goes out. */
  default Duration requestLatency() {
    return Duration.ZERO;
  }

  /** Whether resolving this host name fails. */
  default boolean failsToResolve(String host) {
    return false;
  }

  /** Whether this AT+HTTPCPOST/AT+HTTPCPUT answers SEND FAIL instead of sending; uses the fault up. */
  default boolean takeSendFail() {
    return false;
  }

  /** After how many body bytes this transfer's connection drops, if it does; uses the fault up. */
  default OptionalLong takeDropAfter() {
    return OptionalLong.empty();
  }

  /** After how many printed body bytes this transfer is cut, if it is; uses the fault up. */
  default OptionalLong takeTruncateAfter() {
    return OptionalLong.empty();
  }
}
