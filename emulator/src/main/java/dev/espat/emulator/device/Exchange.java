package dev.espat.emulator.device;

import dev.espat.emulator.firmware.FirmwareProfile;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.response.ResponseEncoder;
import dev.espat.grammar.response.ResultCode;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One command being answered: what a {@link CommandHandler} writes through. Every method runs on
 * the device's thread; work finished elsewhere (a network reply) comes back with
 * {@link #onDevice(Runnable)}. Exactly one final result ends the exchange and frees the device;
 * until then, lines from the host are answered {@code busy p...} (P-10).
 */
public final class Exchange {
  private final Device device;
  private final AtCommand command;
  private final long generation;
  private boolean finished;

  Exchange(Device device, AtCommand command, long generation) {
    this.device = device;
    this.command = command;
    this.generation = generation;
  }

  public AtCommand command() {
    return command;
  }

  /** The device's name ({@code dev0}), from which it derives its MAC addresses. */
  public String deviceName() {
    return device.name();
  }

  public FirmwareProfile firmware() {
    return device.options().firmware();
  }

  public DeviceOptions options() {
    return device.options();
  }

  public DeviceState state() {
    return device.state();
  }

  /** Shortcut for {@code state().ram(type, initial)}. */
  public <T> T ram(Class<T> type, Supplier<? extends T> initial) {
    return device.state().ram(type, initial);
  }

  /** Shortcut for {@code state().flash(type, initial)}. */
  public <T> T flash(Class<T> type, Supplier<? extends T> initial) {
    return device.state().flash(type, initial);
  }

  /** Raw bytes toward the host, such as a body frame. */
  public void write(byte[] bytes) {
    device.output(bytes);
  }

  /**
   * Raw bytes toward the host with a shorter trace text: a body frame of a large download is
   * traced as its start and a count, so the trace stays small (P-33).
   */
  public void write(byte[] bytes, String traceText) {
    device.output(bytes, traceText);
  }

  /** {@code +NAME:value}. */
  public void information(String name, String value) {
    write(ResponseEncoder.informationLine(name, value));
  }

  /** A line such as {@code WIFI CONNECTED}. */
  public void text(String line) {
    write(ResponseEncoder.textLine(line));
  }

  /** Ends with {@code OK}. */
  public void ok() {
    result(ResultCode.OK);
  }

  /** Ends with a successful result: {@code OK}, {@code SEND OK}, {@code SET OK}. */
  public void result(ResultCode code) {
    if (code.isFailure()) {
      throw new IllegalArgumentException(code + " needs an error code; use failure()");
    }
    finish(ResponseEncoder.result(code));
  }

  /** Ends with {@code ERROR}, after {@code ERR CODE:} when SYSLOG is on (P-14). */
  public void error(ErrorCode code) {
    failure(ResultCode.ERROR, code);
  }

  /** Ends with {@code ERROR} or {@code SEND FAIL} and a code. */
  public void failure(ResultCode result, ErrorCode code) {
    finish(ResponseEncoder.failure(result, code, device.state().syslog()));
  }

  private void finish(byte[] bytes) {
    if (finished) {
      throw new IllegalStateException("AT" + command.name() + " answered twice");
    }
    finished = true;
    device.output(bytes);
    device.finished(this);
  }

  /** Whether a final result was written. */
  public boolean isFinished() {
    return finished;
  }

  /**
   * Opens data mode (P-11): writes {@code \r\nOK\r\n\r\n>} and hands the next {@code length}
   * bytes to the receiver, which answers the final result.
   */
  public void dataMode(long length, DataReceiver receiver) {
    device.output(ResponseEncoder.dataPrompt());
    device.openDataMode(this, length, receiver);
  }

  /** Runs a step later on the device's thread, unless the device was reset meanwhile. */
  public void later(Duration delay, Runnable step) {
    device.schedule(generation, delay, step);
  }

  /** Runs a step on the device's thread, from any thread (a network callback). */
  public void onDevice(Runnable step) {
    device.schedule(generation, Duration.ZERO, step);
  }

  /** The UART link, for AT+UART_CUR after its OK went out (P-44). */
  public HostLink link() {
    return device.link();
  }

  /** AT+RST (or AT+RESTORE with {@code factory}): reboots after this exchange's OK. */
  public void reboot(boolean factory) {
    device.reboot(factory);
  }

  /** A note in the trace, such as {@code joined "home"}. */
  public void note(String text) {
    device.note(text);
  }
}
