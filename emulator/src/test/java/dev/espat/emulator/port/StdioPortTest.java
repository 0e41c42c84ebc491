package dev.espat.emulator.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.RawHost;
import dev.espat.emulator.command.StandardFamilies;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.DeviceOptions;
import dev.espat.emulator.trace.Trace;
import dev.espat.emulator.trace.TraceEvent;
import dev.espat.grammar.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stdio port on a pair of in-process pipes standing in for standard input and output. */
class StdioPortTest {

  private final BytePipe stdin = new BytePipe(4096);
  private final BytePipe stdout = new BytePipe(4096);
  private final Trace trace = Trace.inMemory();
  private Device device;
  private StdioPort port;
  private RawHost host;

  @BeforeEach
  void start() {
    device = new Device("dev0", DeviceOptions.defaults().withBootDelay(Duration.ofMillis(50)), StandardFamilies.all(), trace);
    port = new StdioPort(device, stdin.inputStream(), pipeOutput(stdout), Pacing.unpaced());
    port.start();
    device.powerOn();
    host = new RawHost(stdout.inputStream(), pipeOutput(stdin), stdin::close);
  }

  @AfterEach
  void stop() throws Exception {
    port.close();
    device.close();
    stdout.close();
    host.close();
  }

  private static OutputStream pipeOutput(BytePipe pipe) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        pipe.write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        pipe.write(b, off, len);
      }
    };
  }

  @Test
  @DisplayName("the host is there from power-on: ready, then answers, raw bytes both ways")
  void readyThenAnswers() {
    assertThat(Bytes.show(host.readUntil(b -> Bytes.show(b).endsWith("ready\\r\\n"), RawHost.PATIENCE)))
        .isEqualTo("\\r\\nready\\r\\n");
    assertThat(Bytes.show(host.exchange("AT\r\n"))).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
    byte[] line = Bytes.concat(new byte[] {0x00, (byte) 0x80, (byte) 0xFF, 0x1A, '\r'}, Bytes.of("\n"));
    host.send(line);
    assertThat(host.readUntil(b -> Bytes.show(b).endsWith("ERROR\\r\\n"), RawHost.PATIENCE))
        .isEqualTo(Bytes.concat(line, Bytes.of("\r\nERROR\r\n")));
    assertThat(port.describe()).isEqualTo("stdio (standard input and output)");
  }

  @Test
  @DisplayName("end of standard input is the host leaving: the device is detached")
  void endOfInputDetaches() throws Exception {
    host.readUntil(b -> Bytes.show(b).endsWith("ready\\r\\n"), RawHost.PATIENCE);
    stdin.close();
    port.endOfInput().get(10, TimeUnit.SECONDS);
    device.idle().get(10, TimeUnit.SECONDS);
    assertThat(trace.events()).extracting(TraceEvent::text).containsSubsequence("host attached", "power on", "host detached");
  }

  @Test
  @DisplayName("close() stops the reader even while standard input stays open")
  void closeStopsReader() throws Exception {
    port.close();
    port.endOfInput().get(10, TimeUnit.SECONDS);
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("esp-at-stdio-dev0"));
  }
}
