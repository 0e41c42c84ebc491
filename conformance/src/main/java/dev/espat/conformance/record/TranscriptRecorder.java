package dev.espat.conformance.record;

import dev.espat.conformance.format.Escapes;
import dev.espat.conformance.format.Transcript;
import dev.espat.conformance.server.Route;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a live session, the bytes a host sent and a device answered, into a transcript that
 * replays it: host lines become {@code >} steps, answers {@code <} steps, a data-mode payload one
 * {@code >} step whose announced length is written {@code {len}}; frames become {@code {len}}
 * lines, or for a long body one {@code frames} step with its length and SHA-256; addresses,
 * dates and the Wi-Fi network and password become placeholders. Memory stays bounded: a body is
 * hashed as it passes, only short frames are kept.
 *
 * <pre>{@code
 * TranscriptRecorder r = new TranscriptRecorder("session", "socket://127.0.0.1:3333", "home", "pw");
 * r.fromHost(bytes, 0, n);      // as the host sends
 * r.fromDevice(bytes, 0, n);    // as the device answers
 * Files.writeString(out, r.transcript());
 * }</pre>
 */
public final class TranscriptRecorder {
  /** Frames up to this size are written out; a longer body is checked by length and SHA-256. */
  public static final int SHOWN_FRAME = 256;

  /** A host "line" this long without LF is written as a step anyway. */
  static final int MAX_HOST_LINE = 8192;

  /** The largest data-mode payload kept (AT+HTTPCPOST takes up to 1 MiB). */
  static final int MAX_PAYLOAD = 1 << 20;

  private static final Pattern FRAME_START = Pattern.compile("\\+(HTTPCLIENT|HTTPCGET|HTTPCPOST|HTTPCPUT|HTTPURLCFG):([0-9]{1,9}),");
  private static final Pattern UPLOAD = Pattern.compile("(?i)AT\\+HTTPCP(?:OST|UT)=\"(?:[^\"\\\\]|\\\\.)*\",([0-9]{1,9})");
  private static final Pattern STORE = Pattern.compile("(?i)AT\\+HTTP(?:URLCFG|CHEAD)=([0-9]{1,9})\r?\n?");
  private static final Pattern JOIN = Pattern.compile("(?i)AT\\+CWJAP(?:_CUR|_DEF)?=\"((?:[^\"\\\\]|\\\\.)*)\",\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final String name;
  private final String origin;
  private final String ssid;
  private final String password;
  private final List<Rendered> steps = new ArrayList<>();

  // the host's side
  private final ByteArrayOutputStream hostLine = new ByteArrayOutputStream();
  private HostLine lastCommand;
  private ByteArrayOutputStream payload;
  private long payloadLeft;
  private final ByteArrayOutputStream heldForLine = new ByteArrayOutputStream();

  // the device's side
  private final ByteArrayOutputStream deviceLine = new ByteArrayOutputStream();
  private boolean pendingEmptyLine;
  private boolean prompted;
  private Frame frame;
  private Run run;

  // what the start looked like
  private Boolean echoAtStart;
  private HostLine firstCommand;
  private boolean syslogAtStart;
  private boolean syslogCommandSent;
  private boolean joinSent;
  private boolean httpWithoutJoin;
  /** What the first AT+CWJAP's answer said of the station before it: connected or not; null before one. */
  private Boolean connectedBeforeJoin;
  private boolean awaitingJoinAnswer;
  private long hostBytes;
  private long deviceBytes;

  /**
   * @param name the transcript's name
   * @param origin where the session was recorded, for the description
   * @param ssid the Wi-Fi network to write as {@code {ssid}}; null for none
   * @param password the Wi-Fi password to write as {@code {password}} (never written out); null for none
   */
  public TranscriptRecorder(String name, String origin, String ssid, String password) {
    this.name = name;
    this.origin = origin;
    this.ssid = ssid;
    this.password = password;
  }

  /** A step as it will be written. */
  private interface Rendered {
    String text();
  }

  /** A line the host sent; its announced payload length may turn into {@code {len}}. */
  private final class HostLine implements Rendered {
    final byte[] raw;
    final List<Rendering.Replacement> replacements = new ArrayList<>();
    int lengthStart = -1;
    int lengthEnd;
    long announced = -1;

    HostLine(byte[] raw) {
      this.raw = raw;
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      Matcher join = JOIN.matcher(text);
      if (join.lookingAt()) {
        // Never the password itself: the replay sends the one it is given (--wifi).
        replacements.add(new Rendering.Replacement(join.start(1), join.end(1), "{ssid}"));
        replacements.add(new Rendering.Replacement(join.start(2), join.end(2), "{password}"));
      } else {
        Rendering.secrets(raw, ssid, password, replacements);
      }
      for (Pattern p : List.of(UPLOAD, STORE)) {
        Matcher m = p.matcher(text);
        if (m.lookingAt()) {
          lengthStart = m.start(1);
          lengthEnd = m.end(1);
          announced = Long.parseLong(m.group(1));
        }
      }
    }

    void lengthIsPayload() {
      replacements.add(new Rendering.Replacement(lengthStart, lengthEnd, "{len}"));
    }

    @Override
    public String text() {
      return "> " + Rendering.render(raw, replacements);
    }
  }

  // ---- input ------------------------------------------------------------------------------

  /** Bytes the host sent, in order. */
  public synchronized void fromHost(byte[] bytes, int offset, int length) {
    hostBytes += length;
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (payload == null && prompted && hostLine.size() == 0 && lastCommand != null && lastCommand.announced > 0) {
        flushDevice();
        payload = new ByteArrayOutputStream();
        payloadLeft = lastCommand.announced;
      }
      prompted = false;
      if (payload != null) {
        if (payload.size() < MAX_PAYLOAD) {
          payload.write(b);
        }
        if (--payloadLeft == 0) {
          endPayload();
        }
        continue;
      }
      hostLine.write(b);
      if (b == '\n' || hostLine.size() >= MAX_HOST_LINE) {
        endHostLine();
      }
    }
  }

  /** Bytes the device wrote, in order. */
  public synchronized void fromDevice(byte[] bytes, int offset, int length) {
    deviceBytes += length;
    if (hostLine.size() > 0) {
      // The host is half-way through a line: this is its echo, which follows the line.
      heldForLine.write(bytes, offset, length);
      return;
    }
    for (int i = offset; i < offset + length; i++) {
      deviceByte(bytes[i]);
    }
  }

  private void endHostLine() {
    flushDevice();
    HostLine line = new HostLine(hostLine.toByteArray());
    hostLine.reset();
    steps.add(line);
    lastCommand = line;
    String text = new String(line.raw, StandardCharsets.ISO_8859_1).toUpperCase(java.util.Locale.ROOT);
    if (firstCommand == null) {
      firstCommand = line;
    }
    syslogCommandSent |= text.startsWith("AT+SYSLOG=");
    if (text.startsWith("AT+CWJAP=") && !joinSent) {
      awaitingJoinAnswer = true;
    }
    joinSent |= text.startsWith("AT+CWJAP");
    byte[] held = heldForLine.toByteArray();
    heldForLine.reset();
    for (byte b : held) {
      deviceByte(b);
    }
  }

  private void endPayload() {
    byte[] data = payload.toByteArray();
    payload = null;
    if (lastCommand != null && lastCommand.announced == data.length) {
      lastCommand.lengthIsPayload();
    }
    steps.add(() -> payloadStep(data));
  }

  private String payloadStep(byte[] data) {
    long printable = 0;
    for (byte b : data) {
      printable += (b >= 0x20 && b < 0x7f) ? 1 : 0;
    }
    if (data.length > 0 && printable * 10 < data.length * 9L && data.length <= 4096) {
      return ">hex " + HexFormat.ofDelimiter(" ").formatHex(data);
    }
    List<Rendering.Replacement> r = new ArrayList<>();
    Rendering.secrets(data, ssid, password, r);
    return "> " + Rendering.render(data, r);
  }

  // ---- the device's stream: lines and frames ----------------------------------------------------

  private void deviceByte(byte b) {
    if (frame != null) {
      frame.add(b);
      if (frame.done()) {
        Frame f = frame;
        frame = null;
        endFrame(f);
      }
      return;
    }
    deviceLine.write(b);
    if (b == ',' && deviceLine.size() <= 32) {
      Matcher m = FRAME_START.matcher(new String(deviceLine.toByteArray(), StandardCharsets.ISO_8859_1));
      if (m.matches()) {
        deviceLine.reset();
        frame = startFrame(m.group(1), Integer.parseInt(m.group(2)));
        if (frame.done()) {
          Frame f = frame;
          frame = null;
          endFrame(f);
        }
        return;
      }
    }
    if (b == '\n') {
      endDeviceLine();
    } else if (deviceLine.size() == 1 && b == '>') {
      prompted = true;
    }
  }

  private void endDeviceLine() {
    byte[] line = deviceLine.toByteArray();
    deviceLine.reset();
    closeRun();
    if (line.length == 2 && line[0] == '\r') {
      if (pendingEmptyLine) {
        emitDevice(new byte[] {'\r', '\n'});
      }
      pendingEmptyLine = true;
      return;
    }
    observe(line);
    emitDevice(withPendingEmpty(line));
  }

  private byte[] withPendingEmpty(byte[] line) {
    if (!pendingEmptyLine) {
      return line;
    }
    pendingEmptyLine = false;
    byte[] joined = new byte[line.length + 2];
    joined[0] = '\r';
    joined[1] = '\n';
    System.arraycopy(line, 0, joined, 2, line.length);
    return joined;
  }


  /** What the device's lines say about the state the session began in. */
  private void observe(byte[] line) {
    String text = new String(line, StandardCharsets.ISO_8859_1);
    if (echoAtStart == null && firstCommand != null) {
      echoAtStart = text.equals(new String(firstCommand.raw, StandardCharsets.ISO_8859_1));
    }
    if (text.startsWith("ERR CODE:") && !syslogCommandSent) {
      syslogAtStart = true;
    }
    if (text.startsWith("+HTTPGETSIZE:") && !joinSent) {
      httpWithoutJoin = true;
    }
    if (awaitingJoinAnswer && text.startsWith("WIFI ")) {
      // The first join's first line tells whether the station was connected before it (P-42).
      awaitingJoinAnswer = false;
      connectedBeforeJoin = text.startsWith("WIFI DISCONNECT");
    }
  }

  private void emitDevice(byte[] raw) {
    steps.add(() -> "< " + Rendering.render(raw, Rendering.varying(raw, ssid, password)));
  }

  /** A host step comes: whatever the device wrote so far goes first, a partial line included. */
  private void flushDevice() {
    closeRun();
    byte[] partial = new byte[0];
    if (frame == null) {
      partial = deviceLine.toByteArray();
      deviceLine.reset();
    }
    if (pendingEmptyLine || partial.length > 0) {
      emitDevice(withPendingEmpty(partial));
    }
  }

  // ---- frames -----------------------------------------------------------------------------------

  /** One frame being read: its payload goes into its run's digest, its head is kept. */
  private static final class Frame {
    final int length;
    final MessageDigest sha;
    final ByteArrayOutputStream head = new ByteArrayOutputStream();
    int read;
    int trailer;

    Frame(int length, MessageDigest sha) {
      this.length = length;
      this.sha = sha;
    }

    void add(byte b) {
      if (read < length) {
        sha.update(b);
        if (head.size() < SHOWN_FRAME) {
          head.write(b);
        }
        read++;
      } else {
        trailer++; // the CR LF after the payload
      }
    }

    boolean done() {
      return read == length && trailer == 2;
    }
  }

  /** Frames of one name in a row: one body. */
  private static final class Run {
    final String name;
    final MessageDigest sha = Route.sha256();
    long total;
    int count;
    byte[] onlyHead;

    Run(String name) {
      this.name = name;
    }
  }

  /** A frame begins: it joins the run of frames of its name, or a text line before it ends that run. */
  private Frame startFrame(String frameName, int length) {
    if (run != null && !run.name.equals(frameName)) {
      closeRun();
    }
    if (pendingEmptyLine) {
      emitDevice(withPendingEmpty(new byte[0]));
    }
    if (run == null) {
      run = new Run(frameName);
    }
    return new Frame(length, run.sha);
  }

  private void endFrame(Frame f) {
    if (!joinSent) {
      httpWithoutJoin = true;
    }
    run.count++;
    run.total += f.length;
    run.onlyHead = run.count == 1 ? f.head.toByteArray() : null;
  }

  private void closeRun() {
    if (run == null) {
      return;
    }
    Run r = run;
    run = null;
    if (r.count == 1 && r.total <= SHOWN_FRAME) {
      byte[] payload = r.onlyHead;
      byte[] prefix = ("+" + r.name + ":").getBytes(StandardCharsets.US_ASCII);
      steps.add(() -> "< " + Escapes.write(prefix) + "{len}," + Rendering.render(payload, Rendering.varying(payload, ssid, password)) + "\\r\\n");
    } else {
      String digest = HexFormat.of().formatHex(r.sha.digest());
      steps.add(() -> "frames +" + r.name + " length " + r.total + " sha256 " + digest);
    }
  }

  // ---- output -------------------------------------------------------------------------------

  /** The transcript so far: what was recorded, in the format, ready to write to a file. */
  public synchronized String transcript() {
    if (hostLine.size() > 0) {
      endHostLine();
    }
    if (payload != null) {
      endPayload();
    }
    frame = null; // a frame cut short, if any: the session ended in its middle
    flushDevice();
    StringBuilder s = new StringBuilder();
    s.append(Transcript.HEADER).append(' ').append(Transcript.VERSION).append('\n');
    s.append("name: ").append(name).append('\n');
    s.append("rules: -\n");
    s.append("description: recorded from ").append(origin).append(" at ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append(", ").append(hostBytes).append(" bytes from the host, ").append(deviceBytes).append(" from the device\n");
    s.append('\n');
    if (Boolean.TRUE.equals(echoAtStart)) {
      s.append("echo on\n");
    }
    if (syslogAtStart) {
      s.append("syslog on\n");
    }
    if (httpWithoutJoin || Boolean.TRUE.equals(connectedBeforeJoin)) {
      s.append("wifi join\n");
    } else if (Boolean.FALSE.equals(connectedBeforeJoin)) {
      s.append("wifi leave\n");
    }
    for (Rendered r : steps) {
      s.append(r.text()).append('\n');
    }
    return s.toString();
  }
}
