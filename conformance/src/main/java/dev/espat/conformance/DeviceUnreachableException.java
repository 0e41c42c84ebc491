package dev.espat.conformance;

/**
 * The run could not start: the port did not open, or the device on it did not answer {@code AT}
 * with {@code OK}. The message names the port and says which.
 */
public final class DeviceUnreachableException extends RuntimeException {
  public DeviceUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
