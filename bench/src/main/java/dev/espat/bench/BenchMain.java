package dev.espat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks with JMH (every JMH command-line option works: a regex of benchmarks,
 * {@code -p bodyBytes=...}, {@code -f}, {@code -i}, {@code -prof}...), writes JMH's results as JSON
 * ({@code -rff}, {@code results.json} by default) and then a summary beside it,
 * {@code summary.txt}: body throughput in MB/s (10^6 bytes/s), the driver's share of the raw
 * client's (target a: at least 80%) and of the paced line (target b: at least 95%).
 * {@code paired [bodyBytes] [getsPerRound] [rounds]} runs {@link Paired} instead.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws RunnerException, IOException {
    if (args.length > 0 && args[0].equals("paired")) {
      Paired.run(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    CommandLineOptions cli;
    try {
      cli = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
        || cli.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    Path json = Path.of(cli.getResult().orElse("results.json")).toAbsolutePath();
    Files.createDirectories(json.getParent());
    OptionsBuilder options = new OptionsBuilder();
    options.parent(cli);
    options.result(json.toString());
    options.resultFormat(cli.getResultFormat().orElse(ResultFormatType.JSON));
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    Collection<RunResult> results = new Runner(options.build()).run();
    String summary = summary(results) + machine(loadBefore, loadAverage(), System.nanoTime() - started);
    System.out.println();
    System.out.print(summary);
    Path text = json.resolveSibling("summary.txt");
    Files.writeString(text, summary, StandardCharsets.UTF_8);
    System.out.println("JMH results: " + json);
    System.out.println("summary:     " + text);
  }

  /** One benchmark and body size, as a rate with its error (99.9% confidence, as JMH gives it). */
  record Rate(String benchmark, int bodyBytes, double seconds, double secondsError, long samples) {
    double bytesPerSecond() {
      return bodyBytes / seconds;
    }

    /** The rate's error from the time's, to first order: rate * (error / time). */
    double bytesPerSecondError() {
      return Double.isNaN(secondsError) ? Double.NaN : bytesPerSecond() * secondsError / seconds;
    }

    String group() {
      return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    String method() {
      return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }
  }

  static String summary(Collection<RunResult> results) {
    List<Rate> rates = new ArrayList<>();
    for (RunResult r : results) {
      String size = r.getParams().getParam("bodyBytes");
      if (size == null) {
        continue;
      }
      Result<?> p = r.getPrimaryResult();
      double toSeconds = seconds(p.getScoreUnit());
      String name = r.getParams().getBenchmark();
      rates.add(new Rate(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
          Integer.parseInt(size), p.getScore() * toSeconds, p.getScoreError() * toSeconds, p.getStatistics().getN()));
    }
    StringBuilder s = new StringBuilder();
    s.append("Body throughput (MB = 10^6 bytes; errors are JMH's 99.9% confidence half-widths)\n\n");
    s.append(String.format(Locale.ROOT, "%-18s %10s %8s %12s %22s %8s%n", "benchmark", "body", "samples",
        "time/op", "body rate", ""));
    for (Rate r : rates) {
      boolean paced = r.group().startsWith("Paced");
      String rate = paced
          ? String.format(Locale.ROOT, "%.0f ± %s B/s", r.bytesPerSecond(), fmt(r.bytesPerSecondError(), "%.0f"))
          : String.format(Locale.ROOT, "%.1f ± %s MB/s", r.bytesPerSecond() / 1e6, fmt(r.bytesPerSecondError() / 1e6, "%.1f"));
      String extra = paced ? String.format(Locale.ROOT, "%.1f%% of 11520 B/s",
          100 * r.bytesPerSecond() / PacedGet.LINE_BYTES_PER_SECOND) : "";
      s.append(String.format(Locale.ROOT, "%-18s %10d %8d %9.3f s %22s %s%n", r.benchmark(), r.bodyBytes(),
          r.samples(), r.seconds(), rate, extra));
    }
    s.append('\n');
    for (Rate d : rates) {
      if (!d.method().equals("driver")) {
        continue;
      }
      if (d.group().startsWith("Paced")) {
        double share = d.bytesPerSecond() / PacedGet.LINE_BYTES_PER_SECOND;
        double err = d.bytesPerSecondError() / PacedGet.LINE_BYTES_PER_SECOND;
        s.append(String.format(Locale.ROOT, "target (b) %d bytes at 115200 baud: driver body rate %.1f%% ± %s%% of 11520 B/s (target >= 95%%): %s%n",
            d.bodyBytes(), 100 * share, fmt(100 * err, "%.1f"), share >= 0.95 ? "met" : "MISSED"));
        continue;
      }
      for (Rate raw : rates) {
        if (raw.group().equals(d.group()) && raw.method().equals("raw") && raw.bodyBytes() == d.bodyBytes()) {
          double ratio = d.bytesPerSecond() / raw.bytesPerSecond();
          double err = ratio * Math.hypot(d.secondsError() / d.seconds(), raw.secondsError() / raw.seconds());
          s.append(String.format(Locale.ROOT, "target (a) %d bytes unpaced: driver/raw = %.1f%% ± %s%% (target >= 80%%): %s%n",
              d.bodyBytes(), 100 * ratio, fmt(100 * err, "%.1f"), ratio >= 0.80 ? "met" : "MISSED"));
        }
      }
    }
    return s.toString();
  }

  /** Where the figures came from: a busy machine explains wide error bars. */
  private static String machine(String loadBefore, String loadAfter, long nanos) {
    return String.format(Locale.ROOT, "%nmachine: %d CPUs, %s %s (%s), %s; run took %d s; load average (1, 5, 15 min) before: %s, after: %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("os.version"), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        nanos / 1_000_000_000L, loadBefore, loadAfter);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String fmt(double value, String format) {
    return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, format, value);
  }

  /** Seconds in one unit of a score such as {@code ms/op}. */
  private static double seconds(String unit) {
    String u = unit.substring(0, unit.indexOf('/'));
    return switch (u) {
      case "s" -> 1;
      case "ms" -> 1e-3;
      case "us" -> 1e-6;
      case "ns" -> 1e-9;
      case "min" -> 60;
      default -> throw new IllegalArgumentException("unexpected score unit " + unit);
    };
  }
}
