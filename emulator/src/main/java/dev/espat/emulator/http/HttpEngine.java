package dev.espat.emulator.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The emulator's HTTP client: one Netty event loop group for every device, plain and TLS
 * connections, the {@code --resolve} map and redirects as {@link HttpOptions} say.
 *
 * <pre>{@code
 * try (HttpEngine engine = new HttpEngine(HttpOptions.defaults())) {
 *   HttpCall call = engine.send(request, listener);   // reports to the listener
 * }
 * }</pre>
 */
public final class HttpEngine implements AutoCloseable {
  /**
   * The most one network read delivers. After a pause, what is already read still arrives, so this
   * bounds how far a paused download overshoots its watermark (P-33).
   */
  public static final int MAX_READ = 64 * 1024;

  private static final int THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

  private final HttpOptions options;
  private final EventLoopGroup group;
  private final TlsContexts tls;
  private final Bootstrap bootstrap;

  public HttpEngine(HttpOptions options) {
    this.options = options;
    this.group = new MultiThreadIoEventLoopGroup(THREADS, new DefaultThreadFactory("esp-at-http", true),
        NioIoHandler.newFactory());
    this.tls = new TlsContexts(options);
    this.bootstrap = new Bootstrap()
        .channel(NioSocketChannel.class)
        .option(ChannelOption.RECVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 2048, MAX_READ));
  }

  public HttpOptions options() {
    return options;
  }

  /** Starts a request; the listener hears how it goes, on a network thread. */
  public HttpCall send(OutgoingRequest request, ResponseListener listener) {
    return send(request, listener, CallFaults.NONE);
  }

  /** Starts a request that meets the given network faults. */
  public HttpCall send(OutgoingRequest request, ResponseListener listener, CallFaults faults) {
    HttpCall call = new HttpCall(this, group.next(), request, listener, faults);
    call.start();
    return call;
  }

  /** Opens a connection for the request with the pipeline it needs, on the call's event loop. */
  ChannelFuture connect(EventLoop loop, OutgoingRequest request, ChannelHandler handler) throws SSLException {
    SslContext ssl = request.isHttps() ? tls.forSettings(request.tls()) : null;
    String host = request.uri().getHost();
    int port = request.port();
    boolean head = "HEAD".equals(request.method());
    Bootstrap b = bootstrap.clone(loop).handler(new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        if (ssl != null) {
          // The original name, not the --resolve target: SNI and host name checks use it.
          p.addLast(ssl.newHandler(ch.alloc(), host, port));
        }
        p.addLast(new HttpClientCodec());
        if (!head) {
          // P-32: frames carry the entity, not gzip; a HEAD keeps its headers as received.
          p.addLast(new HttpContentDecompressor(false, 0));
        }
        p.addLast(handler);
      }
    });
    InetSocketAddress target = options.resolved(host, port).orElseGet(() -> InetSocketAddress.createUnresolved(host, port));
    return b.connect(target);
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
