package dev.espat.emulator.fault;

import dev.espat.emulator.command.HttpFaultHooks;
import dev.espat.emulator.command.WifiCommands;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.DeviceHooks;
import dev.espat.emulator.trace.Trace;
import dev.espat.emulator.trace.TraceEvent.Direction;
import dev.espat.emulator.trace.TraceText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The faults injected into one device, in the manner of MockWebServer's scripted failures:
 * {@link #inject} arms one, {@link #active} lists what is armed, {@link #remove} and
 * {@link #clear} disarm. Thread-safe; each fault applies on the device's own thread, at a defined
 * point of its state machine (a command line arriving, a write to the host, a request going out),
 * so a test that injects a fault and then sends a command knows the command meets it.
 *
 * <pre>{@code
 * try (EspAtEmulator emu = EspAtEmulator.builder().tcp("127.0.0.1", 0).start()) {
 *   Faults faults = emu.device().faults();
 *   InjectedFault busy = faults.inject(new Fault.Busy(2));   // the next two lines: busy p...
 *   faults.inject(new Fault.DnsFailure("example.com"));       // until removed
 *   faults.active();               // [InjectedFault[id=1, fault=Busy[commands=2]], InjectedFault[id=2, ...]]
 *   faults.remove(busy.id());
 *   faults.clear();
 * }
 * }</pre>
 *
 * <p>Faults are the environment's, not the device's: they survive a reset. Each one applied leaves
 * a note in the device's trace ({@code # fault busy (id 1): ...}).
 */
public final class Faults {
  private final String deviceName;
  private final Trace trace;
  private final Object lock = new Object();
  private final Map<Long, Armed> armed = new LinkedHashMap<>();
  private final DeviceSide deviceSide = new DeviceSide();
  private final HttpSide httpSide = new HttpSide();
  private long nextId = 1;
  /** Whether a latency or stall is armed: the cheap check every write makes first. */
  private volatile boolean outputHeld;
  private volatile Device device;

  /** An armed fault: its current form, and for a timed one when it ends. */
  private static final class Armed {
    final long id;
    Fault fault;
    final long endsAtNanos;
    boolean noted;

    Armed(long id, Fault fault, long endsAtNanos) {
      this.id = id;
      this.fault = fault;
      this.endsAtNanos = endsAtNanos;
    }
  }

  /**
   * The faults of one device, which the emulator creates with it; tests reach them through
   * {@code EmulatedDevice.faults()}.
   */
  public Faults(String deviceName, Trace trace) {
    this.deviceName = deviceName;
    this.trace = trace;
  }

  /** What the device's state machine asks; given to the {@link Device} when it is created. */
  public DeviceHooks deviceHooks() {
    return deviceSide;
  }

  /** What the device's HTTP commands ask; given to its {@code HttpCommands} when created. */
  public HttpFaultHooks httpHooks() {
    return httpSide;
  }

  /**
   * Arms a fault, or applies it at once when it is {@link Fault.Lifetime#IMMEDIATE}.
   *
   * @return the fault with its id, for {@link #remove}
   */
  public InjectedFault inject(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    long id;
    synchronized (lock) {
      id = nextId++;
      if (fault.lifetime() != Fault.Lifetime.IMMEDIATE) {
        long ends = fault instanceof Fault.StallOutput s ? System.nanoTime() + s.duration().toNanos() : Long.MAX_VALUE;
        armed.put(id, new Armed(id, fault, ends));
        changed();
      }
    }
    note(fault, id, "injected: " + describe(fault));
    switch (fault) {
      case Fault.Garbage g -> target().writeUnsolicited(g.bytes(), "fault garbage (id " + id + "): written to the host");
      case Fault.Reset r -> target().reset();
      case Fault.WifiDisconnect w -> target().event(WifiCommands::dropStation);
      default -> { }
    }
    return new InjectedFault(id, fault);
  }

  /** The faults armed now, oldest first, each as it stands (a busy fault's count goes down). */
  public List<InjectedFault> active() {
    synchronized (lock) {
      expire(System.nanoTime());
      List<InjectedFault> list = new ArrayList<>();
      armed.values().forEach(a -> list.add(new InjectedFault(a.id, a.fault)));
      return list;
    }
  }

  /** Disarms one fault; output it held goes out at once. Returns whether it was armed. */
  public boolean remove(long id) {
    Armed removed;
    synchronized (lock) {
      removed = armed.remove(id);
      changed();
    }
    if (removed != null) {
      note(removed.fault, id, "removed");
    }
    return removed != null;
  }

  /** Disarms every fault; output they held goes out at once. */
  public void clear() {
    int count;
    synchronized (lock) {
      count = armed.size();
      armed.clear();
      changed();
    }
    trace.record(deviceName, Direction.NOTE, "faults cleared (" + count + " armed)");
  }

  // ---- under the lock -------------------------------------------------------------------

  private void changed() {
    outputHeld = armed.values().stream().anyMatch(a -> a.fault instanceof Fault.PortLatency || a.fault instanceof Fault.StallOutput);
    lock.notifyAll(); // a write waiting on a fault that went away goes on
  }

  private void expire(long now) {
    boolean any = armed.values().removeIf(a -> a.endsAtNanos <= now);
    if (any) {
      changed();
    }
  }

  private <F extends Fault> Armed first(Class<F> type) {
    return armed.values().stream().filter(a -> type.isInstance(a.fault)).findFirst().orElse(null);
  }

  /** Uses up the first armed fault of a one-shot type. */
  private <F extends Fault> F take(Class<F> type) {
    synchronized (lock) {
      Armed a = first(type);
      if (a == null) {
        return null;
      }
      armed.remove(a.id);
      changed();
      note(a.fault, a.id, "used");
      return type.cast(a.fault);
    }
  }

  private Duration total(Class<? extends Fault> type, java.util.function.Function<Fault, Duration> delay) {
    Duration sum = Duration.ZERO;
    for (Armed a : armed.values()) {
      if (type.isInstance(a.fault)) {
        sum = sum.plus(delay.apply(a.fault));
      }
    }
    return sum;
  }

  // ---- the hooks ------------------------------------------------------------------------

  private final class DeviceSide implements DeviceHooks {
    @Override
    public void installed(Device d) {
      device = d;
    }

    @Override
    public boolean answerBusy() {
      synchronized (lock) {
        Armed a = first(Fault.Busy.class);
        if (a == null) {
          return false;
        }
        int left = ((Fault.Busy) a.fault).commands() - 1;
        note(a.fault, a.id, "this line is answered busy p... without running (" + left + " more)");
        if (left == 0) {
          armed.remove(a.id);
          changed();
        } else {
          a.fault = new Fault.Busy(left);
        }
        return true;
      }
    }

    /** Waits out the port latency from now, and any stall; a fault removed meanwhile stops the wait. */
    @Override
    public void beforeWrite() {
      if (!outputHeld) {
        return;
      }
      long start = System.nanoTime();
      synchronized (lock) {
        while (true) {
          long now = System.nanoTime();
          expire(now);
          long until = start + total(Fault.PortLatency.class, f -> ((Fault.PortLatency) f).delay()).toNanos();
          Armed stall = first(Fault.StallOutput.class);
          if (stall != null) {
            until = Math.max(until, stall.endsAtNanos);
            if (!stall.noted) {
              stall.noted = true;
              note(stall.fault, stall.id, "output held for "
                  + TimeUnit.NANOSECONDS.toMillis(stall.endsAtNanos - now) + " ms more");
            }
          }
          if (until <= now) {
            return;
          }
          try {
            TimeUnit.NANOSECONDS.timedWait(lock, until - now);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the device is closing
            return;
          }
        }
      }
    }
  }

  private final class HttpSide implements HttpFaultHooks {
    @Override
    public Duration requestLatency() {
      synchronized (lock) {
        Duration d = total(Fault.HttpLatency.class, f -> ((Fault.HttpLatency) f).delay());
        if (!d.isZero()) {
          trace.record(deviceName, Direction.NOTE, "fault http-latency: the request waits " + d.toMillis() + " ms before it goes out");
        }
        return d;
      }
    }

    @Override
    public boolean failsToResolve(String host) {
      Predicate<Armed> matches = a -> a.fault instanceof Fault.DnsFailure d && d.host().equalsIgnoreCase(host);
      synchronized (lock) {
        Armed a = armed.values().stream().filter(matches).findFirst().orElse(null);
        if (a != null) {
          note(a.fault, a.id, "resolving " + host + " fails");
        }
        return a != null;
      }
    }

    @Override
    public boolean takeSendFail() {
      return take(Fault.SendFailNext.class) != null;
    }

    @Override
    public OptionalLong takeDropAfter() {
      Fault.DropConnectionMidBody f = take(Fault.DropConnectionMidBody.class);
      return f == null ? OptionalLong.empty() : OptionalLong.of(f.afterBytes());
    }

    @Override
    public OptionalLong takeTruncateAfter() {
      Fault.TruncateNextBody f = take(Fault.TruncateNextBody.class);
      return f == null ? OptionalLong.empty() : OptionalLong.of(f.bytes());
    }
  }

  // ---- helpers --------------------------------------------------------------------------

  private Device target() {
    Device d = device;
    if (d == null) {
      throw new IllegalStateException("these faults belong to no device yet");
    }
    return d;
  }

  private void note(Fault fault, long id, String what) {
    trace.record(deviceName, Direction.NOTE, "fault " + fault.type() + " (id " + id + "): " + what);
  }

  /** One line for the trace; garbage shown escaped (it may be anything). */
  static String describe(Fault fault) {
    return switch (fault) {
      case Fault.PortLatency f -> "each write to the host waits " + f.delay().toMillis() + " ms";
      case Fault.HttpLatency f -> "each request waits " + f.delay().toMillis() + " ms";
      case Fault.DropConnectionMidBody f -> "the next body's connection drops after " + f.afterBytes() + " bytes";
      case Fault.DnsFailure f -> "resolving " + f.host() + " fails";
      case Fault.Busy f -> "the next " + f.commands() + " command lines answer busy p...";
      case Fault.SendFailNext f -> "the next HTTPCPOST/HTTPCPUT answers SEND FAIL";
      case Fault.TruncateNextBody f -> "the next body is cut after " + f.bytes() + " bytes";
      case Fault.Garbage f -> TraceText.of(f.bytes());
      case Fault.Reset f -> "reset";
      case Fault.StallOutput f -> "no output for " + f.duration().toMillis() + " ms";
      case Fault.WifiDisconnect f -> "the access point drops the station";
    };
  }
}
