package dev.espat.emulator.device;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Everything a device remembers, in two lifetimes: what lives in RAM is lost on AT+RST; what lives
 * in flash survives AT+RST and is cleared by AT+RESTORE (P-40). Command families keep their own
 * state objects here, by type, so the device core does not know them.
 */
public final class DeviceState {

  /** RAM: the settings every handler and the device core share. */
  boolean echo = true;

  boolean syslog;

  private final Map<Class<?>, Object> ram = new HashMap<>();
  private final Map<Class<?>, Object> flash = new HashMap<>();

  /** Snapshots families publish for other threads (the admin API); RAM lifetime. */
  private final Map<Class<?>, Object> published = new ConcurrentHashMap<>();

  /** The family's RAM state, created on first use; gone after a reset. */
  public <T> T ram(Class<T> type, Supplier<? extends T> initial) {
    return type.cast(ram.computeIfAbsent(type, t -> initial.get()));
  }

  /** The family's flash state, created on first use; survives resets, not a restore. */
  public <T> T flash(Class<T> type, Supplier<? extends T> initial) {
    return type.cast(flash.computeIfAbsent(type, t -> initial.get()));
  }

  /**
   * Makes an immutable snapshot of a family's state readable from any thread, replacing the
   * previous one of that type; gone after a reset, like RAM. On the device thread.
   */
  public <T> void publish(Class<T> type, T snapshot) {
    published.put(type, type.cast(snapshot));
  }

  /** The last snapshot of that type published since the last reset; from any thread. */
  public <T> Optional<T> published(Class<T> type) {
    return Optional.ofNullable(published.get(type)).map(type::cast);
  }

  public boolean echo() {
    return echo;
  }

  public boolean syslog() {
    return syslog;
  }

  public void setEcho(boolean on) {
    echo = on;
  }

  public void setSyslog(boolean on) {
    syslog = on;
  }

  /** AT+RST: RAM back to power-on values. */
  void reset() {
    echo = true;
    syslog = false;
    ram.clear();
    published.clear();
  }

  /** AT+RESTORE: flash back to factory values, then a reset. */
  void restore() {
    flash.clear();
    reset();
  }
}
