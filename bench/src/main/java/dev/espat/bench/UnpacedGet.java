package dev.espat.bench;

import dev.espat.driver.EspAt;
import dev.espat.driver.http.HttpRequest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Target (a): one GET through an unpaced emulator, timed from the command line leaving to the
 * final OK; the driver ({@link #driver}) against a socket client that only skips frames
 * ({@link #raw}). Same emulator, same web server, same AT+HTTPCGET line. Throughput is the body
 * size over the time per operation; {@link BenchMain} prints it in MB/s with the ratio.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class UnpacedGet {

  /** The driver: EspAt over socket://, handshaken and joined once per fork. */
  @State(Scope.Benchmark)
  public static class DriverSide {
    @Param({"1048576", "8388608"})
    public int bodyBytes;

    Rig rig;
    EspAt esp;
    HttpRequest request;

    @Setup(Level.Trial)
    public void setUp() {
      rig = Rig.start(bodyBytes, false);
      esp = rig.openDriver();
      request = HttpRequest.newBuilder(rig.uri()).timeout(Rig.REQUEST_TIMEOUT).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      esp.close();
      rig.close();
    }
  }

  /** The baseline: a plain socket, after ATE0, AT+SYSLOG=1 and AT+CWJAP sent by hand. */
  @State(Scope.Benchmark)
  public static class RawSide {
    @Param({"1048576", "8388608"})
    public int bodyBytes;

    Rig rig;
    Rig.RawConnection connection;
    String line;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      rig = Rig.start(bodyBytes, false);
      connection = rig.openRaw();
      line = rig.httpcgetLine();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      connection.close();
      rig.close();
    }
  }

  @Benchmark
  public void driver(DriverSide s, Blackhole blackhole) {
    var response = s.esp.http().send(s.request);
    Checks.bodyLength("driver", response.bodyLength(), s.bodyBytes);
    blackhole.consume(response);
  }

  @Benchmark
  public long raw(RawSide s) throws IOException {
    long n = s.connection.client().download(s.line, "HTTPCGET");
    Checks.bodyLength("raw", n, s.bodyBytes);
    return n;
  }
}
