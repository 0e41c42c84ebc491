package dev.espat.emulator.device;

/**
 * Where faults reach into a {@link Device}: the device asks its hooks at a few points of its state
 * machine, on its own thread, so that a fault applies at a well-defined moment and the device
 * core knows no fault by name. {@link #NONE} leaves the device alone.
 *
 * <pre>{@code
 * Device device = new Device("dev0", options, families, trace, faults.deviceHooks());
 * }</pre>
 */
public interface DeviceHooks {

  /** Hooks that change nothing. */
  DeviceHooks NONE = new DeviceHooks() {};

  /** The device these hooks were given to, once, from its constructor: what they may act on. */
  default void installed(Device device) {}

  /**
   * A command line arrived while no command runs: whether to answer {@code busy p...} instead of
   * running it (P-10). On the device thread.
   */
  default boolean answerBusy() {
    return false;
  }

  /**
   * Before each write toward the host, on the device thread. May block: the device, its output and
   * everything queued behind it wait, as behind a UART that does not send.
   */
  default void beforeWrite() {}
}
