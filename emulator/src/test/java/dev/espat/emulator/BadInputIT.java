package dev.espat.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.command.StandardFamilies;
import dev.espat.emulator.device.CommandFamily;
import dev.espat.emulator.device.CommandSpec;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.DeviceOptions;
import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.emulator.port.Pacing;
import dev.espat.emulator.trace.Trace;
import dev.espat.grammar.Bytes;
import dev.espat.grammar.CommandType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hostile hosts: the device answers, recovers, and leaks nothing. */
class BadInputIT {

  /** A command that takes half a second, standing in for a network request. */
  private static final CommandFamily SLOW = () -> List.of(CommandSpec.named("+SLOW")
      .on(CommandType.EXECUTE, (cmd, ex) -> ex.later(Duration.ofMillis(500), ex::ok)));

  private static Device device() {
    List<CommandFamily> families = new ArrayList<>(StandardFamilies.all());
    families.add(SLOW);
    Device device = new Device("bad", DeviceOptions.defaults().withBootDelay(Duration.ofMillis(20)), families, Trace.inMemory());
    device.powerOn();
    return device;
  }

  private static RawHost host(Device device) {
    InMemoryConnection c = new InMemoryConnection(device, Pacing.unpaced());
    return new RawHost(c.input(), c.output(), c);
  }

  /** After any garbage: end the partial line, turn echo off, and expect a clean OK. */
  private static void assertRecovers(RawHost host) {
    host.send("\r\nATE0\r\n");
    host.readUntil(b -> RawHost.endsWith(b, "ATE0\r\n\r\nOK\r\n"), RawHost.PATIENCE);
    host.drainFor(Duration.ofMillis(200));
    assertThat(Bytes.show(host.exchange("AT\r\n"))).isEqualTo("\\r\\nOK\\r\\n");
  }

  @Test
  @DisplayName("random binary, 1 MiB: answered, then the device works")
  void randomBinary() throws Exception {
    try (Device device = device(); RawHost host = host(device)) {
      byte[] junk = new byte[1 << 20];
      new SplittableRandom(42).nextBytes(junk);
      host.send(junk);
      assertRecovers(host);
    }
  }

  @Test
  @DisplayName("P-03: NUL bytes inside a line are an error, not a crash")
  void nulBytes() throws Exception {
    try (Device device = device(); RawHost host = host(device)) {
      host.exchange("ATE0\r\n");
      assertThat(Bytes.show(host.exchange("AT\0\r\n"))).isEqualTo("\\r\\nERROR\\r\\n");
      assertThat(Bytes.show(host.exchange("AT+SYSLOG=\0\r\n"))).isEqualTo("\\r\\nERROR\\r\\n");
      assertThat(Bytes.show(host.exchange("AT\r\n"))).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-02: a 10 KB line is one ERROR; the next line works")
  void tenKilobyteLine() throws Exception {
    try (Device device = device(); RawHost host = host(device)) {
      host.exchange("ATE0\r\n");
      assertThat(Bytes.show(host.exchange("AT+" + "X".repeat(10_000) + "\r\n"))).isEqualTo("\\r\\nERROR\\r\\n");
      assertThat(Bytes.show(host.exchange("AT\r\n"))).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-10: a flood of lines during a running command: each answered busy, the command still ends OK")
  void floodWhileBusy() throws Exception {
    try (Device device = device(); RawHost host = host(device)) {
      host.exchange("ATE0\r\n");
      host.exchange("AT+SYSLOG=1\r\n");
      host.send("AT+SLOW\r\n");
      int flood = 1000;
      host.send("AT\r\n".repeat(flood));
      String all = Bytes.show(host.readUntil(b -> RawHost.endsWith(b, "\r\nOK\r\n"), RawHost.PATIENCE));
      assertThat(count(all, "ERR CODE:0x010b0000\\r\\n\\r\\nbusy p...\\r\\n")).isEqualTo(flood);
      assertThat(all).endsWith("busy p...\\r\\n\\r\\nOK\\r\\n");
      assertThat(Bytes.show(host.exchange("AT\r\n"))).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  @DisplayName("no thread or file descriptor is left after emulators with TCP hosts come and go")
  void noLeaks() throws Exception {
    warmUp();
    long fdsBefore = openFileDescriptors();
    for (int i = 0; i < 10; i++) {
      try (EspAtEmulator esp = EspAtEmulator.builder().unpaced().tcp("127.0.0.1", 0).devices(2).start()) {
        for (EmulatedDevice d : esp.devices()) {
          InetSocketAddress a = d.tcpAddress().orElseThrow();
          try (Socket s = new Socket(a.getAddress(), a.getPort());
              RawHost host = new RawHost(s.getInputStream(), s.getOutputStream(), s)) {
            host.exchange("AT\r\n");
            host.send("AT+GM"); // leave half a line behind
          }
        }
      }
    }
    assertThat(waitForNoDeviceThreads()).as("device and port threads still alive").isEmpty();
    assertThat(openFileDescriptors()).as("open file descriptors").isLessThanOrEqualTo(fdsBefore + 3);
  }

  private static void warmUp() throws Exception {
    try (EspAtEmulator esp = EspAtEmulator.builder().unpaced().tcp("127.0.0.1", 0).start()) {
      InetSocketAddress a = esp.device().tcpAddress().orElseThrow();
      try (Socket s = new Socket(a.getAddress(), a.getPort());
          RawHost host = new RawHost(s.getInputStream(), s.getOutputStream(), s)) {
        host.exchange("AT\r\n");
      }
    }
    waitForNoDeviceThreads();
  }

  private static List<String> waitForNoDeviceThreads() throws InterruptedException {
    long deadline = System.nanoTime() + RawHost.PATIENCE.toNanos();
    List<String> alive;
    do {
      alive = Thread.getAllStackTraces().keySet().stream()
          .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith("esp-at-")).toList();
      if (!alive.isEmpty()) {
        Thread.sleep(50);
      }
    } while (!alive.isEmpty() && System.nanoTime() < deadline);
    return alive;
  }

  private static long openFileDescriptors() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(fds)) {
      return s.count();
    }
  }
}
