package dev.espat.emulator.fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Something going wrong on purpose, injected into one emulated device through
 * {@link Faults#inject(Fault)} or the admin API. Each fault has a stable {@link #type()} name, the
 * one the admin API's JSON uses, and a {@link Lifetime}: persistent faults stay until removed,
 * one-shot faults are used up by the next thing they apply to, a timed fault ends by itself and
 * an immediate fault acts once, at injection.
 *
 * <pre>{@code
 * Faults faults = emulator.device().faults();
 * faults.inject(new Fault.Busy(3));                              // the next 3 lines: busy p...
 * faults.inject(new Fault.HttpLatency(Duration.ofMillis(500)));  // every request waits first
 * faults.inject(new Fault.DnsFailure("example.com"));            // 0x010a7000 for that host
 * faults.clear();
 * }</pre>
 */
public sealed interface Fault {

  /** The longest latency or stall a fault may ask for. */
  Duration MAX_DURATION = Duration.ofMinutes(10);

  /** The most command lines one {@link Busy} fault answers. */
  int MAX_BUSY_COMMANDS = 10_000;

  /** The most bytes one {@link Garbage} fault writes. */
  int MAX_GARBAGE_BYTES = 4096;

  /** The longest host name DNS allows. */
  int MAX_HOST_LENGTH = 253;

  /** How long a fault stays in effect. */
  enum Lifetime {
    /** Until removed or cleared: latencies, DNS failures. */
    PERSISTENT,
    /** Until used by the next command or transfer it applies to. */
    ONE_SHOT,
    /** Until its duration has passed. */
    TIMED,
    /** Acts once, when injected; never listed as active. */
    IMMEDIATE
  }

  /** The name in JSON: {@code "busy"}, {@code "port-latency"}, ... */
  String type();

  Lifetime lifetime();

  /** Every write of the device to its host waits this long first (a slow or congested UART). */
  record PortLatency(Duration delay) implements Fault {
    public PortLatency {
      requireDuration("delay", delay);
    }

    @Override
    public String type() {
      return "port-latency";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.PERSISTENT;
    }
  }

  /** Every HTTP request waits this long before it goes out (a slow network). */
  record HttpLatency(Duration delay) implements Fault {
    public HttpLatency {
      requireDuration("delay", delay);
    }

    @Override
    public String type() {
      return "http-latency";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.PERSISTENT;
    }
  }

  /**
   * The next HTTP transfer that has a body closes its TCP connection to the server after
   * {@code afterBytes} body bytes have arrived; the device prints those and reports the failure as
   * the firmware does ({@code ERR CODE:0x010a7000}, then {@code ERROR} or {@code SEND FAIL}).
   */
  record DropConnectionMidBody(long afterBytes) implements Fault {
    public DropConnectionMidBody {
      requireNotNegative("afterBytes", afterBytes);
    }

    @Override
    public String type() {
      return "drop-connection";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.ONE_SHOT;
    }
  }

  /**
   * Resolving {@code host} fails, as when DNS has no answer: every request to it answers the
   * connection failure {@code 0x010a7000}. Matched case-insensitively against the URL's host,
   * redirects included, before {@code --resolve} applies.
   */
  record DnsFailure(String host) implements Fault {
    public DnsFailure {
      Objects.requireNonNull(host, "host");
      if (host.isBlank() || host.length() > MAX_HOST_LENGTH) {
        throw new IllegalArgumentException("host must be 1.." + MAX_HOST_LENGTH + " characters, got '" + host + "'");
      }
    }

    @Override
    public String type() {
      return "dns-failure";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.PERSISTENT;
    }
  }

  /** The next {@code commands} command lines are answered {@code busy p...} without running (P-10). */
  record Busy(int commands) implements Fault {
    public Busy {
      if (commands < 1 || commands > MAX_BUSY_COMMANDS) {
        throw new IllegalArgumentException("commands must be 1.." + MAX_BUSY_COMMANDS + ", got " + commands);
      }
    }

    @Override
    public String type() {
      return "busy";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.ONE_SHOT;
    }
  }

  /**
   * The next AT+HTTPCPOST or AT+HTTPCPUT takes its body and answers {@code SEND FAIL} (after
   * {@code ERR CODE:0x010a7000} with SYSLOG on) without sending the request (P-12, P-23).
   */
  record SendFailNext() implements Fault {
    @Override
    public String type() {
      return "send-fail";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.ONE_SHOT;
    }
  }

  /**
   * The next body the device prints is cut after {@code bytes} bytes: the download stops and the
   * command fails as on a dropped connection ({@code 0x010a7000}). Unlike
   * {@link DropConnectionMidBody}, the count is of what reaches the host, whatever the network did.
   */
  record TruncateNextBody(long bytes) implements Fault {
    public TruncateNextBody {
      requireNotNegative("bytes", bytes);
    }

    @Override
    public String type() {
      return "truncate-body";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.ONE_SHOT;
    }
  }

  /** These bytes are written to the host at once, between whatever else the device writes. */
  record Garbage(byte[] bytes) implements Fault {
    public Garbage {
      Objects.requireNonNull(bytes, "bytes");
      if (bytes.length < 1 || bytes.length > MAX_GARBAGE_BYTES) {
        throw new IllegalArgumentException("garbage must be 1.." + MAX_GARBAGE_BYTES + " bytes, got " + bytes.length);
      }
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public String type() {
      return "garbage";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.IMMEDIATE;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Garbage g && Arrays.equals(bytes, g.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Garbage[" + HexFormat.of().formatHex(bytes) + "]";
    }
  }

  /** The device restarts as after AT+RST: the command in flight is abandoned, {@code ready} follows (P-40). */
  record Reset() implements Fault {
    @Override
    public String type() {
      return "reset";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.IMMEDIATE;
    }
  }

  /**
   * From now on, for {@code duration}, the device writes nothing to its host: its output is held,
   * not lost, and goes out when the stall ends (a UART whose flow control holds it). The device
   * stops with it, so a download waiting behind the stall pauses too.
   */
  record StallOutput(Duration duration) implements Fault {
    public StallOutput {
      requireDuration("duration", duration);
    }

    @Override
    public String type() {
      return "stall-output";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.TIMED;
    }
  }

  /**
   * The access point drops the station: {@code WIFI DISCONNECT}, no IP, HTTP commands answer
   * {@code 0x010a7000} (P-43). As the firmware does, the station joins again after the
   * {@code reconn_interval} of its AT+CWJAP (1 s unless the host set it; 0 means never), writing
   * {@code WIFI CONNECTED} and {@code WIFI GOT IP}. Nothing happens when the station is not connected.
   */
  record WifiDisconnect() implements Fault {
    @Override
    public String type() {
      return "wifi-disconnect";
    }

    @Override
    public Lifetime lifetime() {
      return Lifetime.IMMEDIATE;
    }
  }

  private static void requireDuration(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(name + " must be 0.." + MAX_DURATION.toMillis() + " ms, got " + d.toMillis() + " ms");
    }
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
    }
  }
}
