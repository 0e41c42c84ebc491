package dev.espat.emulator.admin;

import dev.espat.emulator.EmulatedDevice;
import dev.espat.emulator.trace.Trace;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's admin API: a small HTTP and JSON server on Netty to list devices, inject and clear
 * faults, read the trace and the requests, and reset a device, from any language (curl in a CI
 * script, a firmware test rig). Every endpoint is in docs/admin-api.md. Started by
 * {@code EspAtEmulator.Builder.admin(host, port)}; one event loop thread.
 *
 * <pre>{@code
 * EspAtEmulator esp = EspAtEmulator.builder().admin("127.0.0.1", 8080).adminToken("s3cret").start();
 * // curl -s http://127.0.0.1:8080/api/devices -H 'Authorization: Bearer s3cret'
 * }</pre>
 */
public final class AdminServer implements AutoCloseable {
  /** The largest request body taken; a larger one is answered 413. */
  public static final int MAX_REQUEST_BODY = 64 * 1024;

  /** The longest admin token. */
  public static final int MAX_TOKEN_LENGTH = 256;

  /** The longest request line and header block taken; longer ones are answered 400. */
  static final int MAX_INITIAL_LINE = 4096;

  static final int MAX_HEADER_SIZE = 8192;

  private final EventLoopGroup group;
  private final Channel server;
  private final URI url;

  private AdminServer(EventLoopGroup group, Channel server, URI url) {
    this.group = group;
    this.server = server;
    this.url = url;
  }

  /**
   * Binds and serves; it accepts connections when this returns.
   *
   * @param bind a resolved address (the builder checked that it is loopback or has a token)
   * @param token the bearer token every request but the health check must carry; empty for none
   * @param devices the devices, by index
   * @param trace the emulator's trace, which {@code /trace} reads
   * @throws IOException naming the address when it cannot be bound
   */
  public static AdminServer start(InetSocketAddress bind, Optional<String> token, List<EmulatedDevice> devices,
      Trace trace) throws IOException {
    token.ifPresent(AdminServer::checkToken);
    AdminApi api = new AdminApi(devices, trace);
    BearerToken bearer = new BearerToken(token);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("esp-at-admin", true),
        NioIoHandler.newFactory());
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(
                new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, 8192),
                new JsonAggregator(MAX_REQUEST_BODY),
                new ChunkedWriteHandler(),
                new AdminHandler(api, bearer));
          }
        });
    ChannelFuture bound = b.bind(bind).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
      Throwable cause = bound.cause();
      throw new IOException("cannot listen on " + bind.getHostString() + ":" + bind.getPort() + " for the admin API: "
          + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
    }
    // The host as asked for (a wildcard bind reports itself as [::]), with the port bound.
    InetSocketAddress local = (InetSocketAddress) bound.channel().localAddress();
    String host = bind.getHostString();
    URI url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + local.getPort() + "/");
    return new AdminServer(group, bound.channel(), url);
  }

  /**
   * Refuses a token that could not travel in an {@code Authorization} header. The message never
   * shows the token.
   *
   * @throws IllegalArgumentException when it is empty, too long or not visible ASCII
   */
  public static void checkToken(String token) {
    if (token == null) {
      return;
    }
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("the admin token must be 1.." + MAX_TOKEN_LENGTH
          + " visible ASCII characters, without spaces (the token given is not shown)");
    }
  }

  /** {@code http://127.0.0.1:8080/}, with the port actually bound. */
  public URI url() {
    return url;
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
