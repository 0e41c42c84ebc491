package dev.espat.emulator.device;

import dev.espat.emulator.trace.Trace;
import dev.espat.emulator.trace.TraceEvent.Direction;
import dev.espat.emulator.trace.TraceText;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.CommandLineReader;
import dev.espat.grammar.CommandParser;
import dev.espat.grammar.CommandSyntaxException;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.SubCategory;
import dev.espat.grammar.response.ResponseEncoder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One simulated ESP32 running ESP-AT: a state machine fed bytes by its port and writing bytes back
 * through a {@link HostLink}. All state is touched on the device's own thread; ports hand bytes
 * over with {@link #receive} from theirs.
 *
 * <p>Command mode echoes (P-04), answers one command at a time and {@code busy p...} to lines
 * that arrive meanwhile (P-10); data mode takes exactly the announced bytes (P-11..P-13).
 */
public final class Device implements AutoCloseable {

  /** Chunks handed over by a port and not yet processed; past this the port's reader waits. */
  private static final int MAX_PENDING_CHUNKS = 256;

  private static final ErrorCode TYPE_NOT_ALLOWED = ErrorCode.of(SubCategory.OPERATION_TYPE_NOT_ALLOWED, 0);

  private final String name;
  private final DeviceOptions options;
  private final CommandTable commands;
  private final Trace trace;
  private final ScheduledExecutorService thread;
  private final Semaphore pending = new Semaphore(MAX_PENDING_CHUNKS);
  private final CommandLineReader reader = new CommandLineReader();
  private final DeviceState state = new DeviceState();
  private final TraceText.Collector dataTrace = new TraceText.Collector();
  private final List<CommandFamily> families;
  private final DeviceHooks hooks;

  private HostLink link = HostLink.NONE;
  // Volatile: read from other threads by isBusy() and isBooting() (the admin API).
  private volatile Exchange running;
  private DataReceiver dataReceiver;
  private ScheduledFuture<?> dataTimeout;
  private volatile boolean booting;
  private long generation;

  public Device(String name, DeviceOptions options, List<? extends CommandFamily> families, Trace trace) {
    this(name, options, families, trace, DeviceHooks.NONE);
  }

  /** A device whose state machine asks {@code hooks} where faults may apply. */
  public Device(String name, DeviceOptions options, List<? extends CommandFamily> families, Trace trace,
      DeviceHooks hooks) {
    this.name = name;
    this.hooks = hooks;
    this.options = options;
    this.families = List.copyOf(families);
    this.commands = new CommandTable(options.firmware(), families);
    this.trace = trace;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "esp-at-" + name);
      t.setDaemon(true);
      return t;
    });
    hooks.installed(this);
  }

  public String name() {
    return name;
  }

  public DeviceOptions options() {
    return options;
  }

  DeviceState state() {
    return state;
  }

  /** A snapshot a family published for other threads, such as the Wi-Fi status; from any thread. */
  public <T> Optional<T> published(Class<T> type) {
    return state.published(type);
  }

  HostLink link() {
    return link;
  }

  /** Powers the device on: {@code ready} goes out at once, or is lost if no host listens (P-52). */
  public void powerOn() {
    run(() -> {
      note("power on");
      boot();
    });
  }

  /**
   * A reset from outside the UART (the EN pin, a watchdog, a power glitch): the same restart as
   * AT+RST after its OK. The command in flight is abandoned without a final result, RAM is lost,
   * and {@code ready} follows after the boot delay (P-40, P-51). From any thread.
   */
  public void reset() {
    run(() -> reboot(false));
  }

  /**
   * Something that happens to the device from outside its UART (a fault, the access point going
   * away): runs on the device thread, between two steps of whatever it is doing, with the same
   * powers as a family's boot hook. From any thread.
   */
  public void event(Consumer<BootContext> action) {
    run(() -> action.accept(new BootContext(this)));
  }

  /**
   * Bytes toward the host that no command wrote (a fault's garbage), traced as output with
   * {@code why} noted first. On the device thread, after what is already queued; from any thread.
   */
  public void writeUnsolicited(byte[] bytes, String why) {
    byte[] copy = bytes.clone();
    run(() -> {
      note(why);
      output(copy);
    });
  }

  /** Whether a command is running, so that a command line now would be answered {@code busy p...}. */
  public boolean isBusy() {
    return running != null;
  }

  /** Between a reset and its {@code ready} (P-51). */
  public boolean isBooting() {
    return booting;
  }

  /** A host opened the port. */
  public void attach(HostLink newLink) {
    run(() -> {
      link = newLink;
      note("host attached");
    });
  }

  /**
   * The host closed the port. Its half-typed line is dropped, and a data mode it left open is
   * abandoned, so the next host finds the device in command mode; a running command finishes,
   * its output lost (P-52).
   */
  public void detach() {
    run(() -> {
      link = HostLink.NONE;
      note("host detached");
      if (dataReceiver != null) {
        abandonDataMode("the host went away in data mode");
      }
      if (!reader.inDataMode()) {
        reader.reset();
      }
    });
  }

  /**
   * Bytes from the host, from any thread. Blocks while the device is far behind, so that a
   * flooding host is slowed down instead of filling memory.
   */
  public void receive(byte[] bytes, int offset, int length) {
    byte[] copy = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
    try {
      pending.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!run(() -> {
      pending.release();
      onBytes(copy);
    })) {
      pending.release();
    }
  }

  /** Completes once everything handed to the device before this call has been processed. */
  public CompletableFuture<Void> idle() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!run(() -> done.complete(null))) {
      done.complete(null);
    }
    return done;
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- on the device thread -------------------------------------------------------------

  private void onBytes(byte[] bytes) {
    if (booting) {
      note("dropped " + bytes.length + " bytes received while booting");
      return;
    }
    reader.receive(bytes);
    for (Optional<CommandLineReader.Input> in = reader.next(); in.isPresent(); in = reader.next()) {
      traceInput(in.get());
      echo();
      switch (in.get()) {
        case CommandLineReader.Line l -> onLine(l.bytes());
        case CommandLineReader.OverlongLine o -> onOverlongLine(o);
        case CommandLineReader.Data d -> onData(d);
      }
    }
    echo();
  }

  private void traceInput(CommandLineReader.Input input) {
    switch (input) {
      case CommandLineReader.Line l -> trace.record(name, Direction.IN, TraceText.of(l.bytes()));
      case CommandLineReader.OverlongLine o ->
          trace.record(name, Direction.IN, "(a line of " + o.length() + " bytes, over the 256-byte limit)");
      case CommandLineReader.Data d -> {
        // Masked as a whole when complete: a secret split across chunks must not show.
        dataTrace.add(d.bytes());
        if (d.remaining() == 0) {
          traceData("");
        }
      }
    }
  }

  private void traceData(String suffix) {
    trace.record(name, Direction.IN, dataTrace.text() + suffix);
    dataTrace.clear();
  }

  /**
   * P-04. The trace shows only how many bytes were echoed: a line typed in pieces would show a
   * password without the command before it, and the whole line is traced, masked, as input.
   */
  private void echo() {
    byte[] echo = reader.takeEcho();
    if (state.echo && echo.length > 0) {
      trace.record(name, Direction.OUT, "(echo of " + echo.length + " bytes)");
      toHost(echo);
    }
  }

  private void onLine(byte[] line) {
    if (running != null || hooks.answerBusy()) {
      output(ResponseEncoder.busy(state.syslog));
      return;
    }
    AtCommand command;
    try {
      command = CommandParser.parse(line);
    } catch (CommandSyntaxException e) {
      output(ResponseEncoder.error(e.errorCode(), state.syslog));
      return;
    }
    dispatch(command);
  }

  private void onOverlongLine(CommandLineReader.OverlongLine line) {
    output(running != null || hooks.answerBusy()
        ? ResponseEncoder.busy(state.syslog)
        : ResponseEncoder.error(line.toException().errorCode(), state.syslog));
  }

  private void dispatch(AtCommand command) {
    Optional<CommandSpec> spec = commands.find(command.name());
    if (spec.isEmpty()) {
      output(ResponseEncoder.error(ErrorCode.UNSUPPORTED, state.syslog));
      return;
    }
    CommandHandler handler = spec.get().handler(command.type());
    if (handler == null) {
      output(ResponseEncoder.error(TYPE_NOT_ALLOWED, state.syslog));
      return;
    }
    Exchange exchange = new Exchange(this, command, generation);
    running = exchange;
    try {
      handler.handle(command, exchange);
    } catch (CommandSyntaxException e) {
      // A parameter the handler could not read (P-09): the firmware's own error.
      if (!exchange.isFinished()) {
        exchange.error(e.errorCode());
      }
    }
  }

  private void onData(CommandLineReader.Data data) {
    if (dataTimeout != null) {
      dataTimeout.cancel(false);
      dataTimeout = null;
    }
    DataReceiver receiver = dataReceiver;
    if (data.remaining() == 0) {
      dataReceiver = null;
    } else {
      armDataTimeout();
    }
    receiver.data(data.bytes(), data.remaining(), running);
  }

  void openDataMode(Exchange exchange, long length, DataReceiver receiver) {
    dataReceiver = receiver;
    reader.expectData(length);
    armDataTimeout();
  }

  private void armDataTimeout() {
    options.dataModeTimeout().ifPresent(timeout -> dataTimeout = thread.schedule(
        () -> abandonDataMode("no data for " + timeout.toMillis() + " ms (data-mode timeout, P-13)"),
        timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  private void abandonDataMode(String why) {
    if (dataReceiver == null) {
      return;
    }
    long left = reader.abandonData();
    traceData(" (incomplete)");
    note("data mode abandoned, " + left + " bytes missing: " + why);
    DataReceiver receiver = dataReceiver;
    dataReceiver = null;
    receiver.abandoned(running);
  }

  void finished(Exchange exchange) {
    if (running == exchange) {
      running = null;
    }
  }

  void output(byte[] bytes) {
    output(bytes, TraceText.of(bytes));
  }

  void output(byte[] bytes, String traceText) {
    trace.record(name, Direction.OUT, traceText);
    toHost(bytes);
  }

  /** Every byte toward the host passes here, so that latency and stall faults hold all of it. */
  private void toHost(byte[] bytes) {
    hooks.beforeWrite();
    link.write(bytes);
  }

  void note(String text) {
    trace.record(name, Direction.NOTE, text);
  }

  void schedule(long forGeneration, Duration delay, Runnable step) {
    Runnable guarded = () -> {
      if (generation == forGeneration) {
        step.run();
      }
    };
    try {
      if (delay.isZero()) {
        thread.execute(guarded);
      } else {
        thread.schedule(guarded, delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (RejectedExecutionException closed) {
      // the device was closed; the step has nothing left to act on
    }
  }

  /** AT+RST / AT+RESTORE: everything in RAM goes; {@code ready} after the boot delay (P-40, P-51). */
  void reboot(boolean factory) {
    generation++;
    booting = true;
    running = null;
    dataReceiver = null;
    reader.reset();
    if (factory) {
      state.restore();
    } else {
      state.reset();
    }
    note(factory ? "restore to factory settings, rebooting" : "rebooting");
    thread.schedule(this::boot, options.bootDelay().toNanos(), TimeUnit.NANOSECONDS);
  }

  private void boot() {
    booting = false;
    output(ResponseEncoder.ready());
    BootContext context = new BootContext(this);
    for (CommandFamily family : families) {
      family.onBoot(context);
    }
  }

  private boolean run(Runnable r) {
    try {
      thread.execute(r);
      return true;
    } catch (RejectedExecutionException closed) {
      return false;
    }
  }

  /** What a family may do when the device has booted: read state, write unsolicited lines. */
  public static final class BootContext {
    private final Device device;

    BootContext(Device device) {
      this.device = device;
    }

    public DeviceState state() {
      return device.state;
    }

    public DeviceOptions options() {
      return device.options;
    }

    public void text(String line) {
      device.output(ResponseEncoder.textLine(line));
    }

    public void later(Duration delay, Runnable step) {
      device.schedule(device.generation, delay, step);
    }

    public HostLink link() {
      return device.link;
    }

    public void note(String text) {
      device.note(text);
    }
  }
}
