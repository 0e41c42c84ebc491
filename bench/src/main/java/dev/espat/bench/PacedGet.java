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
 * Target (b): one GET through an emulator paced at 115200 baud, 8N1 (11,520 bytes/s on the line,
 * P-50), timed from the command line leaving to the final OK. The body's share of the line rate
 * is what the driver delivers ({@link #driver}); {@link #raw} shows what the same line gives a
 * client that only skips frames, so that a shortfall can be put on the driver or on the line.
 * Each operation lasts about 18 s for 200 KB, hence single shots and few of them.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class PacedGet {
  /** 115200 baud, 10 bits a byte (8N1). */
  public static final double LINE_BYTES_PER_SECOND = 11_520;

  @State(Scope.Benchmark)
  public static class DriverSide {
    @Param({"204800"})
    public int bodyBytes;

    Rig rig;
    EspAt esp;
    HttpRequest request;

    @Setup(Level.Trial)
    public void setUp() {
      rig = Rig.start(bodyBytes, true);
      esp = rig.openDriver();
      request = HttpRequest.newBuilder(rig.uri()).timeout(Rig.REQUEST_TIMEOUT).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      esp.close();
      rig.close();
    }
  }

  @State(Scope.Benchmark)
  public static class RawSide {
    @Param({"204800"})
    public int bodyBytes;

    Rig rig;
    Rig.RawConnection connection;
    String line;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      rig = Rig.start(bodyBytes, true);
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
