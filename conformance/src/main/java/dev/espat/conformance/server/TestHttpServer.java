package dev.espat.conformance.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP and HTTPS server the conformance transcripts send the device to ({@code {server}},
 * {@code {server-tls}}): Netty, on an address the device can reach (loopback for the emulator, the
 * host's LAN address for a board on Wi-Fi), with the endpoints of {@link Route}. The HTTPS
 * listener shows a {@link SelfSignedCertificate} issued at start. A third port is bound but never
 * listens, so that connecting to it is refused ({@code {refused}}).
 *
 * <pre>{@code
 * try (TestHttpServer server = TestHttpServer.start("127.0.0.1", 0)) {
 *   server.url();            // http://127.0.0.1:41234
 *   server.requests().take(Duration.ofSeconds(1));
 * }
 * }</pre>
 */
public final class TestHttpServer implements AutoCloseable {
  /** The largest request body taken (P-23's uploads are smaller); larger ones answer 413. */
  public static final int MAX_REQUEST_BODY = (1 << 20) + 1024;

  private final EventLoopGroup group;
  private final Channel http;
  private final Channel https;
  private final Socket refused;
  private final String host;
  private final RequestLog requests = new RequestLog();
  private final Set<Gate> gates = ConcurrentHashMap.newKeySet();

  private TestHttpServer(String host, int port) throws IOException, InterruptedException {
    this.host = host;
    InetAddress address = InetAddress.getByName(host);
    group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("conformance-http", true), NioIoHandler.newFactory());
    try {
      SelfSignedCertificate certificate = SelfSignedCertificate.issue(host);
      SslContext tls = SslContextBuilder.forServer(certificate.key(), certificate.certificate()).build();
      http = bind(address, port, null);
      https = bind(address, port == 0 ? 0 : port + 1, tls);
      refused = new Socket();
      refused.bind(new InetSocketAddress(address, 0));
    } catch (IOException | RuntimeException | InterruptedException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  /**
   * Starts both listeners on {@code host}: HTTP on {@code port} (0 for a free one), HTTPS on the
   * next port (a free one when {@code port} is 0).
   *
   * @throws UncheckedIOException naming the address when it cannot be bound
   */
  public static TestHttpServer start(String host, int port) {
    try {
      return new TestHttpServer(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the test server");
    }
  }

  private Channel bind(InetAddress address, int port, SslContext tls) throws IOException, InterruptedException {
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (tls != null) {
              ch.pipeline().addLast(tls.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BODY),
                new ChunkedWriteHandler(), new Responder(TestHttpServer.this));
          }
        });
    try {
      return b.bind(address, port).sync().channel();
    } catch (Exception e) {
      // Netty rethrows the bind failure unchecked (a BindException in disguise).
      throw new IOException((tls == null ? "HTTP" : "HTTPS") + " port " + port + ": " + e.getMessage(), e);
    }
  }

  /** The address in URLs: brackets around IPv6. */
  public String host() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  public int port() {
    return ((InetSocketAddress) http.localAddress()).getPort();
  }

  public int tlsPort() {
    return ((InetSocketAddress) https.localAddress()).getPort();
  }

  /** {@code http://HOST:PORT}, no trailing slash. */
  public String url() {
    return "http://" + host() + ":" + port();
  }

  /** {@code https://HOST:PORT}. */
  public String tlsUrl() {
    return "https://" + host() + ":" + tlsPort();
  }

  /** {@code http://HOST:PORT} of a port where connecting is refused. */
  public String refusedUrl() {
    return "http://" + host() + ":" + refused.getLocalPort();
  }

  /** What the server received. */
  public RequestLog requests() {
    return requests;
  }

  /** What a GET of {@code path} serves, decoded, when it is known in advance. */
  public static Optional<Route.Entity> entity(String path) {
    return Route.of(path).entity();
  }

  /** Lets every {@code /gate/N} response waiting now send the rest of its body (P-33). */
  public void openGates() {
    for (Gate g : gates) {
      g.open();
    }
    gates.clear();
  }

  void register(Gate gate) {
    gates.add(gate);
  }

  void forget(Gate gate) {
    gates.remove(gate);
  }

  RequestLog log() {
    return requests;
  }

  @Override
  public void close() {
    openGates();
    http.close();
    https.close();
    try {
      refused.close();
    } catch (IOException ignored) {
      // closing a socket that never listened
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** A {@code /gate/N} response waiting for the runner. */
  interface Gate {
    void open();
  }
}
