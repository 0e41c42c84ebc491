package dev.espat.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The web server behind the emulator: the JDK's own, serving one body of fixed length from memory
 * at {@code /body} with a Content-Length, so that the server costs as little as possible and the
 * same for every run. The bytes are random (seeded), so CR, LF and "OK" occur inside frames as they
 * would in a binary download (P-30).
 */
final class BodyServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] body;

  private BodyServer(HttpServer server, ExecutorService executor, byte[] body) {
    this.server = server;
    this.executor = executor;
    this.body = body;
  }

  static BodyServer start(int bodyBytes) {
    byte[] body = new byte[bodyBytes];
    new Random(42).nextBytes(body);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-http-server");
        t.setDaemon(true);
        return t;
      });
      server.setExecutor(executor);
      server.createContext("/body", exchange -> {
        try (exchange) {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      });
      server.start();
      return new BodyServer(server, executor, body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the benchmark's HTTP server: " + e.getMessage(), e);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/body");
  }

  int bodyBytes() {
    return body.length;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
