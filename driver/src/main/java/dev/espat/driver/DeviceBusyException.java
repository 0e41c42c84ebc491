package dev.espat.driver;

/**
 * The device kept answering {@code busy p...} (P-10) after every retry the {@link BusyRetry}
 * policy allows: another command is running on it for longer than the policy waits.
 *
 * <pre>{@code
 * EspAt.builder(url).busyRetry(new BusyRetry(50, Duration.ofMillis(20), Duration.ofSeconds(1))).open();
 * }</pre>
 */
public class DeviceBusyException extends AtException {
  private static final long serialVersionUID = 1L;

  public DeviceBusyException(String command, int attempts) {
    super(command, command + " was answered busy p... " + attempts + " times; giving up");
  }
}
