package dev.espat.emulator;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real httpbin (Debian's {@code python3-httpbin}) served by {@code gunicorn} on a free loopback
 * port for the test class, optionally a second one over TLS with a throw-away certificate for
 * {@code httpbin.org}. When gunicorn, httpbin or (for TLS) openssl is missing, the class's tests
 * are skipped with a reason that names the Debian package to install; {@code .ci/run} installs them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HttpbinServer httpbin = HttpbinServer.plain().withTls();
 * ... EspAtEmulator.builder().resolve("httpbin.org", 80, "127.0.0.1", httpbin.port()) ...
 * }</pre>
 */
public final class HttpbinServer implements BeforeAllCallback, AfterAllCallback {
  /** How long gunicorn may take to answer its first request; generous for a loaded CI machine. */
  private static final Duration STARTUP = Duration.ofSeconds(30);
  /** How long a graceful stop may take before the processes are killed. */
  private static final Duration STOP = Duration.ofSeconds(10);
  /** The WSGI application in Debian's python3-httpbin (0.7.0: the package re-exports core.app). */
  private static final String APP = "httpbin:app";

  private final boolean tls;
  private Path workDir;
  private Gunicorn plain;
  private Gunicorn secure;

  private HttpbinServer(boolean tls) {
    this.tls = tls;
  }

  /** httpbin over plain HTTP. */
  public static HttpbinServer plain() {
    return new HttpbinServer(false);
  }

  /** Also a second httpbin over HTTPS, with a self-signed certificate for httpbin.org. */
  public HttpbinServer withTls() {
    return new HttpbinServer(true);
  }

  /** The plain HTTP port on 127.0.0.1. */
  public int port() {
    return plain.port;
  }

  /** The HTTPS port on 127.0.0.1; only with {@link #withTls()}. */
  public int tlsPort() {
    if (secure == null) {
      throw new IllegalStateException("this HttpbinServer was not built withTls()");
    }
    return secure.port;
  }

  /** A URL on the plain server, for requests a test makes itself. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!onPath("gunicorn")) {
      Assumptions.abort("gunicorn is not installed (Debian package gunicorn); .ci/run installs it");
    }
    workDir = Files.createTempDirectory("httpbin");
    try {
      plain = Gunicorn.start(List.of(), workDir.resolve("gunicorn.log"));
      if (tls) {
        if (!onPath("openssl")) {
          Assumptions.abort("openssl is not installed (Debian package openssl): no certificate for the TLS httpbin");
        }
        Path cert = workDir.resolve("cert.pem");
        Path key = workDir.resolve("key.pem");
        selfSignedCertificate(cert, key);
        secure = Gunicorn.start(List.of("--certfile", cert.toString(), "--keyfile", key.toString()),
            workDir.resolve("gunicorn-tls.log"));
      }
    } catch (Throwable e) {
      afterAll(context);
      throw e;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
    try {
      if (secure != null) {
        secure.stop();
      }
      if (plain != null) {
        plain.stop();
      }
    } finally {
      secure = null;
      plain = null;
      if (workDir != null) {
        try (Stream<Path> files = Files.walk(workDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        workDir = null;
      }
    }
  }

  /** One gunicorn arbiter (and its workers) serving httpbin on one port. */
  private record Gunicorn(Process process, int port, Path log) {
    static Gunicorn start(List<String> tlsOptions, Path log) throws IOException, InterruptedException {
      int port = freePort();
      List<String> command = new ArrayList<>(List.of("gunicorn", "-k", "gthread", "--threads", "4",
          "-b", "127.0.0.1:" + port, "--graceful-timeout", "2"));
      command.addAll(tlsOptions);
      command.add(APP);
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      Gunicorn g = new Gunicorn(process, port, log);
      g.awaitAnswer(!tlsOptions.isEmpty());
      return g;
    }

    /** Polls GET /get until it answers 200, the process dies or the start-up time is over. */
    private void awaitAnswer(boolean tls) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + STARTUP.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          String output = Files.readString(log);
          if (output.contains("No module named 'httpbin'")) {
            Assumptions.abort("httpbin is not installed (Debian package python3-httpbin); .ci/run installs it");
          }
          throw new IllegalStateException("gunicorn exited with " + process.exitValue() + " before answering:\n" + output);
        }
        if (answersGet(tls)) {
          return;
        }
        Thread.sleep(100);
      }
      stop();
      throw new IllegalStateException("httpbin did not answer GET /get on port " + port + " within " + STARTUP
          + ":\n" + Files.readString(log));
    }

    private boolean answersGet(boolean tls) {
      try (Socket socket = tls ? trustingTls().getSocketFactory().createSocket() : new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        socket.setSoTimeout(2000);
        OutputStream out = socket.getOutputStream();
        out.write("GET /get HTTP/1.0\r\nHost: httpbin.org\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        return status.matches("HTTP/1\\.[01] 200");
      } catch (IOException notYet) {
        return false;
      }
    }

    /** SIGTERM to the arbiter (a graceful stop), then SIGKILL to whatever of it is left. */
    void stop() throws InterruptedException {
      List<ProcessHandle> workers = process.descendants().toList();
      process.destroy();
      if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
      }
      workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** A certificate and key for httpbin.org, valid for two days; the emulator's AT+HTTPCFG 0 accepts any. */
  private static void selfSignedCertificate(Path cert, Path key) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=httpbin.org", "-addext", "subjectAltName=DNS:httpbin.org",
        "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(STARTUP.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("openssl could not make a certificate:\n" + output);
    }
  }

  /** For the readiness probe only: the certificate is our own throw-away one. */
  private static SSLContext trustingTls() throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
