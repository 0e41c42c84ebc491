package dev.espat.emulator.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.RawHost;
import dev.espat.emulator.SerialHost;
import dev.espat.emulator.trace.TraceEvent;
import dev.espat.emulator.trace.TraceText;
import dev.espat.grammar.Bytes;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device on a real pty, opened by hosts the way programs open serial ports. */
class PtyPortIT {

  @TempDir
  Path dir;

  private EspAtEmulator esp;

  @BeforeAll
  static void needPtys() {
    assumeTrue(PtyPort.isSupported(), "ptys need Linux or macOS; this is " + System.getProperty("os.name"));
  }

  @AfterEach
  void stop() {
    if (esp != null) {
      esp.close();
    }
  }

  private Path start(EspAtEmulator.Builder builder) {
    esp = builder.bootDelay(Duration.ofMillis(50)).pty(dir.resolve("ttyESP0")).start();
    return esp.device().ptyPath().orElseThrow();
  }

  private Path startUnpaced() {
    return start(EspAtEmulator.builder().unpaced());
  }

  private PtyPort port() {
    return (PtyPort) esp.device().ports().stream().filter(PtyPort.class::isInstance).findFirst().orElseThrow();
  }

  private static String exchange(RawHost host, String line) {
    return Bytes.show(host.exchange(line));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + RawHost.PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  /** Waits until the port has seen the host go: what a person at a terminal would never notice. */
  private void awaitDetached() throws InterruptedException {
    await("the host to be seen leaving", () -> !port().hostAttached());
  }

  @Test
  @DisplayName("transcripts 1-5 (P-02, P-04, P-14) byte-exact through jSerialComm on the pty link")
  void goldenTranscripts() throws Exception {
    Path link = startUnpaced();
    try (RawHost host = SerialHost.open(link)) {
      assertThat(exchange(host, "AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
      assertThat(exchange(host, "ATE0\r\n")).isEqualTo("ATE0\\r\\n\\r\\nOK\\r\\n");
      assertThat(exchange(host, "AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(exchange(host, "AT+BOGUS\r\n")).isEqualTo("\\r\\nERROR\\r\\n");
      assertThat(exchange(host, "AT+SYSLOG=1\r\n")).isEqualTo("\\r\\nOK\\r\\n");
      assertThat(exchange(host, "AT+BOGUS\r\n")).isEqualTo("ERR CODE:0x01090000\\r\\n\\r\\nERROR\\r\\n");
      String line257 = "AT+GMR=" + "x".repeat(248) + "\r\n";
      assertThat(line257).hasSize(257);
      assertThat(exchange(host, line257)).isEqualTo("ERR CODE:0x01030000\\r\\n\\r\\nERROR\\r\\n");
      assertThat(exchange(host, "AT\r\n")).as("nothing of the long line was executed").isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("a host can close and reopen the port 20 times and the device still answers")
  void reopenManyTimes() throws Exception {
    Path link = startUnpaced();
    for (int i = 0; i < 20; i++) {
      try (RawHost host = SerialHost.open(link)) {
        assertThat(Bytes.show(host.exchange("AT\r\n"))).as("session %d", i).endsWith("\\r\\nOK\\r\\n");
      }
    }
    try (RawHost host = SerialHost.open(link)) {
      assertThat(exchange(host, "AT+GMR\r\n")).contains("AT version:").endsWith("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-52: the ready of power-on with no host is lost, not handed to the first host")
  void noStaleReadyAfterPowerOn() throws Exception {
    Path link = startUnpaced();
    Thread.sleep(300);
    try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
      assertThat(Bytes.show(host.drainFor(Duration.ofMillis(300)))).isEmpty();
      assertThat(exchange(host, "AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-52: AT+RST, host closes at once; the ready that follows is not handed to the next host")
  void noStaleReadyAfterResetWithoutHost() throws Exception {
    Path link = start(EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(300)));
    try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
      assertThat(exchange(host, "ATE0\r\n")).endsWith("OK\\r\\n");
      assertThat(exchange(host, "AT+RST\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
    Thread.sleep(600);  // the device boots and writes ready with nobody there
    try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
      assertThat(Bytes.show(host.drainFor(Duration.ofMillis(300)))).isEmpty();
      assertThat(exchange(host, "AT\r\n")).as("echo back on after the reset").isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("P-52: with jSerialComm too, the next host after a reset sees no ready")
  void noStaleReadyAfterResetWithJSerialComm() throws Exception {
    Path link = start(EspAtEmulator.builder().unpaced().bootDelay(Duration.ofMillis(300)));
    try (RawHost host = SerialHost.open(link)) {
      assertThat(exchange(host, "AT+RST\r\n")).endsWith("\\r\\nOK\\r\\n");
    }
    Thread.sleep(600);
    try (RawHost host = SerialHost.open(link)) {
      assertThat(Bytes.show(host.drainFor(Duration.ofMillis(300)))).isEmpty();
    }
  }

  @Test
  @DisplayName("P-52: a host that leaves in the middle of an answer leaves nothing of it for the next")
  void noLeftoversAfterHostLeavesMidAnswer() throws Exception {
    // 1200 baud: AT+GMR's answer takes over a second, so the host leaves while it is being written
    Path link = start(EspAtEmulator.builder().baudRate(1200));
    for (int round = 0; round < 3; round++) {
      try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
        host.send("AT+GMR\r\n");
        host.readUntil(b -> b.length >= 20, RawHost.PATIENCE);
      }
      awaitDetached();
      Thread.sleep(200);  // the device goes on writing (to nobody) for a while
      try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
        assertThat(Bytes.show(host.drainFor(Duration.ofMillis(300)))).as("round %d", round).isEmpty();
      }
      awaitDetached();
      esp.device().device().idle().get();
    }
  }

  @Test
  @DisplayName("a host that floods the port without reading, then leaves, does not wedge the device")
  void floodingHostThatNeverReads() throws Exception {
    Path link = startUnpaced();
    byte[] lines = "AT\r\n".repeat(1024).getBytes(StandardCharsets.US_ASCII);
    try (TtyHost tty = TtyHost.open(link)) {
      long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      long sent = 0;
      while (System.nanoTime() < until) {
        int n = Posix.write(tty.fd(), lines, 0, lines.length);  // never reads: echo and OKs pile up
        if (n > 0) {
          sent += n;
        } else {
          Thread.sleep(1);
        }
      }
      assertThat(sent).as("enough to fill the pty both ways").isGreaterThan(100_000);
    }
    awaitDetached();
    try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
      host.drainFor(Duration.ofMillis(200));
      assertThat(exchange(host, "ATE0\r\n")).endsWith("\\r\\nOK\\r\\n");
      assertThat(exchange(host, "AT\r\n")).isEqualTo("\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("all 256 byte values pass the pty unchanged both ways, with no tty echo or CR/LF translation")
  void binaryTransparency() throws Exception {
    Path link = startUnpaced();
    byte[] low = lineOf(0x00, 0x7F, "\n");
    byte[] high = lineOf(0x80, 0xFF, "\r\n");
    try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
      for (byte[] line : new byte[][] {low, high}) {
        host.send(line);
        byte[] answer = host.readUntil(b -> Bytes.show(b).endsWith("\\r\\nERROR\\r\\n"), RawHost.PATIENCE);
        assertThat(answer).as("the echo, then the answer to a line without AT: %s", Bytes.show(answer))
            .isEqualTo(Bytes.concat(line, Bytes.of("\r\nERROR\r\n")));
      }
    }
    assertThat(esp.trace().events()).as("host to device: the lines the device read, byte for byte")
        .filteredOn(e -> e.direction() == TraceEvent.Direction.IN).map(TraceEvent::text)
        .contains(TraceText.of(low), TraceText.of(high));
  }

  /** Bytes {@code from..to} except LF, then {@code end}: every value but LF in a line; LF ends it. */
  private static byte[] lineOf(int from, int to, String end) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int v = from; v <= to; v++) {
      if (v != '\n') {
        b.write(v);
      }
    }
    b.writeBytes(end.getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  @Test
  @DisplayName("a host that left the port in exclusive mode (TIOCEXCL) does not lock the next one out")
  void exclusiveModeDoesNotOutliveItsHost() throws Exception {
    Path link = startUnpaced();
    try (TtyHost tty = TtyHost.open(link)) {
      Posix.setExclusive(tty.fd());
      await("the host to be seen", () -> port().hostAttached());
    }
    awaitDetached();
    try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
      if (System.getProperty("os.name").startsWith("Linux")) {
        assertThat(Posix.isExclusive(tty.fd())).isFalse();
      }
      assertThat(exchange(host, "AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("with no host, the port checks now and then instead of spinning")
  void noBusyLoopWithoutHost() throws Exception {
    startUnpaced();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Thread reader = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("esp-at-pty-dev0")).findFirst().orElseThrow();
    long before = threads.getThreadCpuTime(reader.threadId());
    Thread.sleep(1000);
    long used = threads.getThreadCpuTime(reader.threadId()) - before;
    assertThat(Duration.ofNanos(used)).as("CPU time of the pty reader in one idle second")
        .isLessThan(Duration.ofMillis(50));
  }

  @Test
  @DisplayName("pty(path) with devices(3): ttyESP0, ttyESP1, ttyESP2, each its own device; removed on close")
  void severalDevices() throws Exception {
    esp = EspAtEmulator.builder().unpaced().devices(3).pty(dir.resolve("ttyESP0")).start();
    for (int i = 0; i < 3; i++) {
      Path link = dir.resolve("ttyESP" + i);
      assertThat(esp.devices().get(i).ptyPath()).contains(link);
      assertThat(Files.isSymbolicLink(link)).isTrue();
      try (TtyHost tty = TtyHost.open(link); RawHost host = tty.rawHost()) {
        assertThat(exchange(host, "AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
      }
    }
    assertThat(esp.trace().events()).filteredOn(e -> e.text().equals("host attached"))
        .extracting(TraceEvent::device).containsExactly("dev0", "dev1", "dev2");
    esp.close();
    esp = null;
    for (int i = 0; i < 3; i++) {
      assertThat(dir.resolve("ttyESP" + i)).doesNotExist();
    }
  }

  @Test
  @DisplayName("pty(null) with devices(2): <java.io.tmpdir>/ttyESP0 and ttyESP1")
  void defaultLinks() throws Exception {
    String tmp = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", dir.toString());
    try {
      esp = EspAtEmulator.builder().unpaced().devices(2).pty(null).start();
    } finally {
      System.setProperty("java.io.tmpdir", tmp);
    }
    assertThat(esp.devices().get(0).ptyPath()).contains(dir.resolve("ttyESP0"));
    assertThat(esp.devices().get(1).ptyPath()).contains(dir.resolve("ttyESP1"));
    try (TtyHost tty = TtyHost.open(dir.resolve("ttyESP1")); RawHost host = tty.rawHost()) {
      assertThat(exchange(host, "AT\r\n")).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
    }
  }

  @Test
  @DisplayName("describe() names the link and the terminal behind it")
  void describe() {
    Path link = startUnpaced();
    assertThat(port().describe()).startsWith("pty " + link + " (/dev/");
  }
}
