package dev.espat.testcontainers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's web server on every address of this machine, so that a device in a container reaches it
 * through the bridge's gateway. {@code /bytes/<n>} answers {@link #bytes(int) n bytes} with a
 * Content-Length; every request is recorded ({@link #take()}).
 */
final class HostWebServer implements AutoCloseable {
  /** What a request looked like on arrival. */
  record Call(String method, String target, String host, String from) {}

  private final HttpServer server;
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

  HostWebServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the host web server to 0.0.0.0: " + e.getMessage(), e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::serve);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code n} bytes that a line-based reader would garble: CR LF, {@code OK}, NUL and every byte value. */
  static byte[] bytes(int n) {
    byte[] pattern = "\r\nOK\r\n\0+HTTPCGET:".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = i % 64 < pattern.length ? pattern[i % 64] : (byte) (i * 31 + 7);
    }
    return b;
  }

  /** The oldest request not taken yet, waiting up to 10 s. */
  Call take() throws InterruptedException {
    Call c = calls.poll(10, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("the host web server received no request within 10 s");
    }
    return c;
  }

  private void serve(HttpExchange x) throws IOException {
    try (x) {
      calls.add(new Call(x.getRequestMethod(), x.getRequestURI().toString(), x.getRequestHeaders().getFirst("Host"),
          x.getRemoteAddress().getAddress().getHostAddress()));
      String path = x.getRequestURI().getPath();
      byte[] body = path.startsWith("/bytes/") ? bytes(Integer.parseInt(path.substring(7))) : new byte[0];
      x.sendResponseHeaders(path.startsWith("/bytes/") ? 200 : 404, body.length == 0 ? -1 : body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
