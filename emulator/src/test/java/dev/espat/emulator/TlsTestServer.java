package dev.espat.emulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * An HTTPS server on 127.0.0.1 with the certificate it is given, optionally requiring a client
 * certificate from a CA; it serves the bodies it is given by path, with a Content-Length, and
 * remembers the client certificate it saw.
 *
 * <pre>{@code
 * try (TlsTestServer server = TlsTestServer.start(cert, key, null)) {
 *   server.serve("/hello", "hello".getBytes(US_ASCII), "text/plain");
 *   server.port();
 * }
 * }</pre>
 */
final class TlsTestServer implements AutoCloseable {
  private record Body(byte[] bytes, String contentType) {}

  private final EventLoopGroup group;
  private final Channel listener;
  private final Map<String, Body> bodies = new ConcurrentHashMap<>();
  private final AtomicReference<String> clientSubject = new AtomicReference<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger failedHandshakes = new AtomicInteger();

  private TlsTestServer(SslContext ssl) throws InterruptedException {
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(ssl.newHandler(ch.alloc()), new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                new Responder());
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
  }

  /**
   * Starts a server showing the certificate (PEM) with its PKCS#8 key.
   *
   * @param clientCa when not null, a client certificate issued by this CA is required
   */
  static TlsTestServer start(Path certificate, Path key, Path clientCa) {
    try {
      SslContextBuilder b = SslContextBuilder.forServer(certificate.toFile(), key.toFile());
      if (clientCa != null) {
        b.trustManager(clientCa.toFile()).clientAuth(ClientAuth.REQUIRE);
      }
      return new TlsTestServer(b.build());
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the server's TLS context", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Serves the bytes at the path, 200. Other paths answer 404. */
  TlsTestServer serve(String path, byte[] bytes, String contentType) {
    bodies.put(path, new Body(bytes.clone(), contentType));
    return this;
  }

  int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** The subject of the last client certificate a request came with (RFC 2253), if any did. */
  Optional<String> clientSubject() {
    return Optional.ofNullable(clientSubject.get());
  }

  /** How many requests reached the HTTP layer, i.e. passed the handshake. */
  int requests() {
    return requests.get();
  }

  /** How many handshakes failed on the server's side (its own checks or the client's alert). */
  int failedHandshakes() {
    return failedHandshakes.get();
  }

  @Override
  public void close() {
    listener.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private final class Responder extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      requests.incrementAndGet();
      try {
        if (ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates()[0] instanceof X509Certificate c) {
          clientSubject.set(c.getSubjectX500Principal().getName());
        }
      } catch (SSLPeerUnverifiedException none) {
        // no client certificate: mode 0 and 2 clients
      }
      Body body = bodies.get(request.uri());
      FullHttpResponse response = body == null
          ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND, Unpooled.EMPTY_BUFFER)
          : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body.bytes()));
      response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      if (body != null) {
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, body.contentType());
      }
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof SslHandshakeCompletionEvent e && !e.isSuccess()) {
        failedHandshakes.incrementAndGet();
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
