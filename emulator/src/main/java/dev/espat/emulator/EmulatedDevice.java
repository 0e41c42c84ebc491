package dev.espat.emulator;

import dev.espat.emulator.command.WifiStatus;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.fault.Faults;
import dev.espat.emulator.port.DevicePort;
import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.emulator.port.Pacing;
import dev.espat.emulator.port.PtyPort;
import dev.espat.emulator.port.TcpPort;
import dev.espat.emulator.http.RecordedRequest;
import dev.espat.emulator.http.RequestLog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One device of an {@link EspAtEmulator}, with the ports it is reachable on, the HTTP requests it
 * sent and the faults injected into it.
 *
 * <pre>{@code
 * EmulatedDevice dev = esp.devices().get(0);
 * dev.faults().inject(new Fault.Busy(3));          // the next three lines answer busy p...
 * dev.takeRequest(Duration.ofSeconds(5));          // what it sent, as MockWebServer's takeRequest
 * dev.wifi();                                      // Optional[WifiStatus[mode=1, state=got-ip, ...]]
 * }</pre>
 */
public final class EmulatedDevice implements AutoCloseable {
  private final int index;
  private final Device device;
  private final Pacing inMemoryPacing;
  private final List<DevicePort> ports = new ArrayList<>();
  private final RequestLog requests;
  private final Faults faults;

  EmulatedDevice(int index, Device device, Pacing inMemoryPacing, RequestLog requests, Faults faults) {
    this.index = index;
    this.device = device;
    this.inMemoryPacing = inMemoryPacing;
    this.requests = requests;
    this.faults = faults;
  }

  void add(DevicePort port) {
    ports.add(port);
  }

  /** Its position in {@link EspAtEmulator#devices()}: 0, 1, ... */
  public int index() {
    return index;
  }

  /** {@code dev0}, {@code dev1}, ... */
  public String name() {
    return device.name();
  }

  /** The simulated device itself. */
  public Device device() {
    return device;
  }

  /** The ports the device is reachable on. */
  public List<DevicePort> ports() {
    return List.copyOf(ports);
  }

  /** The TCP address, when the device has a TCP port. */
  public Optional<InetSocketAddress> tcpAddress() {
    return ports.stream().filter(TcpPort.class::isInstance).map(p -> ((TcpPort) p).address()).findFirst();
  }

  /**
   * The stable link to the device's pty, such as {@code /tmp/ttyESP0}, when it has one: what a
   * host opens as its serial port. The {@code /dev/pts/N} behind it may differ from run to run.
   */
  public Optional<Path> ptyPath() {
    return ports.stream().filter(PtyPort.class::isInstance).map(p -> ((PtyPort) p).symlink()).findFirst();
  }

  /**
   * A host connection in this JVM, with no port at all: the fastest way to talk to the device in a
   * test. Like a serial port, it is for one host at a time.
   */
  public InMemoryConnection connect() {
    return new InMemoryConnection(device, inMemoryPacing);
  }

  /**
   * The oldest HTTP request this device sent and no test took yet, waiting up to {@code timeout}
   * for one, as MockWebServer's {@code takeRequest}; empty when none came. One request per
   * redirect followed; at most 256 are kept.
   */
  public Optional<RecordedRequest> takeRequest(Duration timeout) {
    return requests.take(timeout);
  }

  /**
   * The last {@value RequestLog#CAPACITY} HTTP requests the device sent, oldest first, whether a
   * test took them or not; secrets are not masked here (the admin API masks them).
   */
  public List<RecordedRequest> requests() {
    return requests.recent();
  }

  /** The faults injected into this device: inject, list, remove, clear. */
  public Faults faults() {
    return faults;
  }

  /** The Wi-Fi station as it is now; empty between a reset and {@code ready}. */
  public Optional<WifiStatus> wifi() {
    return device.published(WifiStatus.class);
  }

  /**
   * Resets the device as its EN pin would: exactly what AT+RST does after its {@code OK}. The
   * command in flight is abandoned (no final result; a download in progress stops), RAM settings
   * are lost, and {@code ready} goes out after the boot delay (P-40, P-51); the host is not told
   * beforehand.
   */
  public void reset() {
    device.reset();
  }

  @Override
  public void close() {
    ports.forEach(DevicePort::close);
    device.close();
  }
}
