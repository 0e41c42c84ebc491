package dev.espat.conformance.internal;

import dev.espat.conformance.Verdict;
import dev.espat.conformance.format.FirmwareCondition;
import dev.espat.conformance.format.Step;
import dev.espat.conformance.format.Transcript;
import dev.espat.conformance.server.GeneratedBytes;
import dev.espat.conformance.server.RequestLog;
import dev.espat.conformance.server.Route;
import dev.espat.conformance.server.TestHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs transcripts one after the other on one device. Before each (unless it says
 * {@code start: as-is}) the device is brought to a known state: in sync, echo off, SYSLOG off,
 * no stored HTTP URL or headers, TLS mode 0, a station mode. Every wait has the transcript's
 * deadline, so a device that hangs fails the transcript instead of hanging the run.
 */
public final class TranscriptRunner {
  /** From AT+RST / AT+RESTORE to {@code ready} at most (P-51: about 300 ms on the firmware). */
  static final Duration READY_WITHIN = Duration.ofSeconds(10);

  /** After {@code ready}, how long an auto-connect may take to settle. */
  static final Duration SETTLE_WITHIN = Duration.ofSeconds(20);

  /** How long {@code server-saw} waits for a request to show up. */
  static final Duration REQUEST_WAIT = Duration.ofSeconds(3);

  /** What a {@code >gen} sends at a time. */
  private static final int GEN_PIECE = 4096;

  /** What a failed expectation shows of what arrived. */
  private static final int SHOWN = 512;

  /** The most a {@code <} line looks at while it waits for a match. */
  private static final int MATCH_WINDOW = 2 * PatternMatch.MAX_INLINE_FRAME + 4096;

  private final DeviceLink link;
  private final TestHttpServer server;
  private final RunContext context;
  private final Values values;
  private final DeviceCommands commands;
  private final Masking masking;
  private String lost;

  // per transcript
  private long deadline;
  private Route.Entity lastSent;

  public TranscriptRunner(DeviceLink link, TestHttpServer server, RunContext context) {
    this.link = link;
    this.server = server;
    this.context = context;
    this.values = new Values(server, context);
    this.commands = new DeviceCommands(link);
    this.masking = context.masking();
  }

  /** How a transcript went, for the public result types to wrap. */
  public record Outcome(Verdict verdict, String reason, String detail) {
    static Outcome pass() {
      return new Outcome(Verdict.PASS, "", "");
    }

    static Outcome fail(String reason, String detail) {
      return new Outcome(Verdict.FAIL, reason, detail);
    }
  }

  /** Why a transcript does not run here, or empty when it does. */
  public Optional<String> skipReason(Transcript t) {
    if (t.transport() == Transcript.TransportNeed.SERIAL && link.baudRate().isEmpty()) {
      return Optional.of("needs a serial line (a baud rate to change or measure); this run is over " + link.description());
    }
    if (t.firmware().isPresent()) {
      FirmwareCondition c = t.firmware().get();
      if (context.firmware() == null) {
        return Optional.of("applies to firmware " + c.text() + "; the device's version is unknown (give --firmware)");
      }
      if (!c.test(context.firmware())) {
        return Optional.of("applies to firmware " + c.text() + "; the device runs " + context.firmware());
      }
    }
    if (t.needs().contains("known-ap") && !context.knownAccessPoint()) {
      return Optional.of("needs a network the device knows, so that a wrong password fails: give --wifi SSID:PASSWORD "
          + "(for an emulator, one started with --ap SSID:PASSWORD)");
    }
    return Optional.empty();
  }

  /** Runs one transcript that {@link #skipReason} let through. */
  public Outcome run(Transcript t) throws InterruptedException {
    if (lost != null) {
      return Outcome.fail("not run: " + lost, "");
    }
    deadline = System.nanoTime() + (long) (t.timeout().toNanos() * context.timeoutScale());
    lastSent = null;
    int line = 0;
    String source = "";
    try {
      server.requests().clear();
      if (t.cleanStart()) {
        cleanStart(t);
      } else {
        commands.drainQuiet(Duration.ofMillis(60), Duration.ofSeconds(2));
      }
      server.requests().clear();
      long[] lengths = payloadLengths(t.steps());
      long transcriptDeadline = deadline;
      for (int i = 0; i < t.steps().size(); i++) {
        Step step = t.steps().get(i);
        line = step.line();
        source = step.source();
        if (step instanceof Step.Within w) {
          // bounds the next step only
          deadline = Math.min(transcriptDeadline, System.nanoTime() + w.duration().toNanos());
          continue;
        }
        execute(step, lengths[i]);
        deadline = transcriptDeadline;
      }
      return Outcome.pass();
    } catch (StepFailure f) {
      String where = line == 0 ? "before the first step" : "line " + line + " '" + masking.mask(source) + "'";
      return Outcome.fail(where + ": " + masking.mask(f.getMessage()), f.detail());
    } catch (IOException e) {
      return Outcome.fail((line == 0 ? "before the first step" : "line " + line) + ": the port failed: "
          + masking.mask(String.valueOf(e.getMessage())), "");
    }
  }

  /** The device stopped answering for good: later transcripts are not run. */
  public Optional<String> lost() {
    return Optional.ofNullable(lost);
  }

  // ---- the clean start ----------------------------------------------------------------------

  private void cleanStart(Transcript t) throws StepFailure, IOException, InterruptedException {
    if (!answers()) {
      // A socket may be stuck behind a half-open data mode, or the port was closed after a write
      // that never finished: a new connection starts clean.
      try {
        link.reopen(Duration.ofMillis(300));
      } catch (IOException e) {
        lost = "the port could not be opened again (before " + t.name() + "): " + e.getMessage();
        throw new StepFailure(lost, "");
      }
      if (!answers()) {
        lost = "the device stopped answering AT (before " + t.name() + ")";
        throw new StepFailure("the device did not answer AT with OK", ByteDiff.got(link.inbox().peek(SHOWN), masking));
      }
    }
    setting("ATE0");
    setting("AT+SYSLOG=0");
    if (has("3.1")) {
      optional("AT+HTTPCHEAD=0");
    }
    if (has("2.3")) {
      optional("AT+HTTPURLCFG=0");
    }
    if (has("4.1")) {
      optional("AT+HTTPCFG=0,0,0");
    }
    DeviceCommands.Answer mode = commands.command("AT+CWMODE?", deadline, masking);
    if (mode.ok() && (mode.text().contains("+CWMODE:0") || mode.text().contains("+CWMODE:2"))) {
      setting("AT+CWMODE=1");
      commands.drainQuiet(Duration.ofMillis(300), Duration.ofSeconds(3));
    }
    link.inbox().clear();
  }

  private boolean answers() throws InterruptedException {
    try {
      return commands.sync(deadline, masking);
    } catch (IOException e) {
      return false; // the port failed under us: the caller opens it again
    }
  }

  /** Whether the device's firmware has what arrived in {@code release}; unknown firmware: assume it does. */
  private boolean has(String release) {
    return context.firmware() == null || FirmwareCondition.parse(">=" + release).test(context.firmware());
  }

  private void setting(String command) throws StepFailure, IOException, InterruptedException {
    DeviceCommands.Answer a = commands.command(command, deadline, masking);
    if (!a.ok()) {
      throw new StepFailure("'" + masking.mask(command) + "' was refused", ByteDiff.got(a.bytes(), masking));
    }
  }

  private void optional(String command) throws StepFailure, IOException, InterruptedException {
    commands.command(command, deadline, masking);
  }

  // ---- steps --------------------------------------------------------------------------------

  private void execute(Step step, long payloadLength) throws StepFailure, IOException, InterruptedException {
    switch (step) {
      case Step.Send s -> {
        byte[] bytes = values.send(s.template(), payloadLength);
        write(bytes, s.source());
        lastSent = entityOf(bytes);
      }
      case Step.SendHex h -> {
        write(h.bytes(), h.source());
        lastSent = entityOf(h.bytes());
      }
      case Step.SendGenerated g -> sendGenerated(g);
      case Step.Expect e -> expect(e);
      case Step.Frames f -> new FramesReader(link, server, values, masking).run(f, deadline, lastSent);
      case Step.ExpectNothing n -> expectNothing(n.duration());
      case Step.Wait w -> sleep(w.duration());
      case Step.Echo e -> setting(e.on() ? "ATE1" : "ATE0");
      case Step.Syslog s -> setting(s.on() ? "AT+SYSLOG=1" : "AT+SYSLOG=0");
      case Step.WifiJoin j -> joinWifi();
      case Step.WifiLeave l -> setting("AT+CWQAP");
      case Step.Reset r -> reset(r.factory());
      case Step.Reopen r -> link.reopen(r.after());
      case Step.Baud b -> link.changeBaudRate(Integer.parseInt(new String(values.send(b.rate(), -1), StandardCharsets.US_ASCII)));
      case Step.ServerSaw s -> serverSaw(s);
      case Step.RateBegin r -> link.inbox().startTiming();
      case Step.RateCheck r -> rateCheck(r.maxPercent());
      case Step.Within w -> throw new IllegalStateException("handled by run");
    }
  }

  private void write(byte[] bytes, String what) throws StepFailure, IOException, InterruptedException {
    commands.write(bytes, deadline, what, masking);
  }

  private static Route.Entity entityOf(byte[] bytes) {
    Body b = new Body();
    b.add(bytes, 0, bytes.length);
    return b.entity();
  }

  private void sendGenerated(Step.SendGenerated g) throws StepFailure, IOException, InterruptedException {
    GeneratedBytes gen = new GeneratedBytes();
    Body sent = new Body();
    byte[] piece = new byte[GEN_PIECE];
    for (long left = g.length(); left > 0; ) {
      int n = (int) Math.min(piece.length, left);
      gen.next(piece, 0, n);
      byte[] out = n == piece.length ? piece : java.util.Arrays.copyOf(piece, n);
      write(out, g.source());
      sent.add(out, 0, n);
      left -= n;
    }
    lastSent = sent.entity();
  }

  /** A {@code <} line, once or repeated. */
  private void expect(Step.Expect e) throws StepFailure, InterruptedException {
    List<Element> elements = values.expect(e.template());
    int leading = elements.getFirst() instanceof Element.Literal l ? l.bytes().length : 0;
    int matched = 0;
    Inbox inbox = link.inbox();
    while (true) {
      byte[] seen = inbox.peek(MATCH_WINDOW);
      PatternMatch.Result r = PatternMatch.match(elements, seen, seen.length);
      switch (r.kind()) {
        case MATCHED -> {
          inbox.consume(r.end());
          matched++;
          if (e.repeat() == Step.Repeat.ONCE) {
            return;
          }
          continue;
        }
        case MISMATCH -> {
          if (e.repeat() != Step.Repeat.ONCE && r.at() < leading && repeatMayEnd(e, matched)) {
            return;
          }
          throw new StepFailure("the device wrote something else", diffAfterGrace(Element.show(elements), r));
        }
        case NEED_MORE -> {
          if (seen.length >= MATCH_WINDOW) {
            throw new StepFailure("no match in the first " + MATCH_WINDOW + " bytes", ByteDiff.got(seen, masking));
          }
          if (!inbox.awaitMoreThan(seen.length, deadline)) {
            if (e.repeat() != Step.Repeat.ONCE && seen.length == 0 && repeatMayEnd(e, matched)) {
              return;
            }
            throw new StepFailure(FramesReader.ended(inbox) + " waiting for the device to write it",
                "  expected: " + masking.mask(Element.show(elements)) + "\n" + ByteDiff.got(seen, masking));
          }
        }
      }
    }
  }

  private static boolean repeatMayEnd(Step.Expect e, int matched) {
    return e.repeat() == Step.Repeat.ANY || matched > 0;
  }

  /** A diff, once whatever else the device had to say has arrived (a short grace). */
  private String diffAfterGrace(String expected, PatternMatch.Result r) throws InterruptedException {
    Inbox inbox = link.inbox();
    long graceEnd = Math.min(deadline, System.nanoTime() + Duration.ofMillis(150).toNanos());
    int have = inbox.available();
    while (have < SHOWN && inbox.awaitMoreThan(have, graceEnd)) {
      have = inbox.available();
    }
    return ByteDiff.render(expected, inbox.peek(SHOWN), r.at(), r.expected(), masking);
  }

  private void expectNothing(Duration duration) throws StepFailure, InterruptedException {
    Inbox inbox = link.inbox();
    long until = Math.min(deadline, System.nanoTime() + duration.toNanos());
    if (inbox.available() > 0 || inbox.awaitMoreThan(0, until)) {
      sleep(Duration.ofMillis(100));
      throw new StepFailure("the device wrote when it should have stayed silent", ByteDiff.got(inbox.peek(SHOWN), masking));
    }
    if (System.nanoTime() >= deadline) {
      throw new StepFailure("the transcript's time ran out", "");
    }
  }

  private void sleep(Duration d) throws StepFailure, InterruptedException {
    long left = deadline - System.nanoTime();
    if (left < d.toNanos()) {
      Thread.sleep(Duration.ofNanos(Math.max(0, left)));
      throw new StepFailure("the transcript's time ran out", "");
    }
    Thread.sleep(d);
  }

  /** {@code wifi join}: nothing when the station already has an IP on the run's network. */
  private void joinWifi() throws StepFailure, IOException, InterruptedException {
    DeviceCommands.Answer state = commands.command("AT+CWSTATE?", deadline, masking);
    if (state.ok() && state.text().contains("+CWSTATE:2,\"" + context.ssid() + "\"")) {
      return;
    }
    String join = new String(values.send(dev.espat.conformance.format.Template.parse(
        "AT+CWJAP=\"{ssid}\",\"{password}\"", dev.espat.conformance.format.Template.Side.SEND), -1), StandardCharsets.UTF_8);
    DeviceCommands.Answer a = commands.command(join, deadline, masking);
    if (!a.ok()) {
      throw new StepFailure("joining '" + context.ssid() + "' failed", ByteDiff.got(a.bytes(), masking));
    }
  }

  /** {@code reset} / {@code restore}: OK, {@code ready} (noise before it skipped), then quiet. */
  private void reset(boolean factory) throws StepFailure, IOException, InterruptedException {
    String command = factory ? "AT+RESTORE" : "AT+RST";
    DeviceCommands.Answer a = commands.command(command, deadline, masking);
    if (!a.ok()) {
      throw new StepFailure(command + " was refused", ByteDiff.got(a.bytes(), masking));
    }
    long readyBy = Math.min(deadline, System.nanoTime() + READY_WITHIN.toNanos());
    if (!commands.awaitText("ready\r\n".getBytes(StandardCharsets.US_ASCII), readyBy)) {
      throw new StepFailure("no 'ready' within " + READY_WITHIN.toSeconds() + " s of " + command + "'s OK (P-51)",
          ByteDiff.got(link.inbox().peek(SHOWN), masking));
    }
    settle();
  }

  /** After a boot: lets an auto-connect finish (its WIFI lines are not the transcript's business). */
  private void settle() throws StepFailure, IOException, InterruptedException {
    commands.drainQuiet(Duration.ofMillis(200), Duration.ofSeconds(2));
    long until = Math.min(deadline, System.nanoTime() + SETTLE_WITHIN.toNanos());
    while (System.nanoTime() < until) {
      DeviceCommands.Answer s = commands.command("AT+CWSTATE?", until, masking);
      if (!s.ok() || !s.text().contains("+CWSTATE:3")) {
        break;
      }
      Thread.sleep(300);
    }
    commands.drainQuiet(Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  private void serverSaw(Step.ServerSaw s) throws StepFailure, InterruptedException {
    RequestLog log = server.requests();
    if (s.method() == null) {
      Optional<RequestLog.Request> r = log.take(Duration.ofMillis(200));
      if (r.isPresent()) {
        throw new StepFailure("the test server received " + masking.mask(r.get().toString()) + "; it should have received nothing", "");
      }
      return;
    }
    Optional<RequestLog.Request> r = log.take(REQUEST_WAIT);
    if (r.isEmpty()) {
      throw new StepFailure("the test server received no request; expected " + s.method() + " " + s.path(), "");
    }
    if (!r.get().method().equals(s.method()) || !r.get().path().equals(s.path())) {
      throw new StepFailure("the test server received " + masking.mask(r.get().toString()) + "; expected " + s.method() + " " + s.path(), "");
    }
  }

  /** P-50: what arrived since {@code rate-begin} came no faster than the line carries. */
  private void rateCheck(int maxPercent) throws StepFailure {
    Inbox.Arrivals a = link.inbox().stopTiming();
    OptionalInt baud = link.baudRate();
    if (baud.isEmpty()) {
      throw new StepFailure("rate-check needs a serial line", "");
    }
    int reads = a.nanos().length;
    if (reads < 2) {
      throw new StepFailure("too few reads to measure a rate (" + reads + ")", "");
    }
    long bytes = a.totals()[reads - 1] - a.totals()[0];
    double seconds = (a.nanos()[reads - 1] - a.nanos()[0]) / 1e9;
    double line = baud.getAsInt() / 10.0;
    if (bytes < 500 || seconds <= 0) {
      throw new StepFailure("too few bytes to measure a rate (" + bytes + " after the first read)", "");
    }
    double rate = bytes / seconds;
    if (rate > line * maxPercent / 100.0) {
      throw new StepFailure(String.format("%d bytes came in %.3f s, %.0f bytes/s; a %d-baud line carries %.0f bytes/s (8N1, P-50)",
          bytes, seconds, rate, baud.getAsInt(), line), "");
    }
  }

  /** For each {@code >} line with {@code {len}}: the length of the next payload sent. */
  private long[] payloadLengths(List<Step> steps) throws StepFailure {
    long[] lengths = new long[steps.size()];
    long next = -1;
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step s = steps.get(i);
      lengths[i] = -1;
      switch (s) {
        case Step.Send send -> {
          lengths[i] = next;
          next = values.send(send.template(), next).length;
        }
        case Step.SendHex h -> next = h.bytes().length;
        case Step.SendGenerated g -> next = g.length();
        default -> { }
      }
    }
    return lengths;
  }

}
