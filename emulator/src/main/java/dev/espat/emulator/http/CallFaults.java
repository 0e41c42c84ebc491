package dev.espat.emulator.http;

import java.util.function.Predicate;

/**
 * The network faults one {@link HttpCall} plays out: names that do not resolve, and a connection
 * dropped in the middle of the body.
 *
 * <pre>{@code
 * engine.send(request, listener, new CallFaults(host -> host.equals("example.com"), CallFaults.NO_DROP));
 * }</pre>
 *
 * @param unresolvable the host names whose resolution fails, checked for every hop (redirects
 *     included) before {@code --resolve} applies
 * @param dropAfterBodyBytes close the connection once this many body bytes arrived, and report
 *     the failure; {@link #NO_DROP} for never
 */
public record CallFaults(Predicate<String> unresolvable, long dropAfterBodyBytes) {

  /** No connection is dropped. */
  public static final long NO_DROP = -1;

  /** Nothing goes wrong on purpose. */
  public static final CallFaults NONE = new CallFaults(host -> false, NO_DROP);

  public boolean drops() {
    return dropAfterBodyBytes >= 0;
  }
}
