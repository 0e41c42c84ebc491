package dev.espat.emulator.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange with the network, redirects included. All its state lives on one event loop
 * thread; {@link #pause()}, {@link #resume()} and {@link #cancel()} may be called from any thread.
 *
 * <p>The network timeout is for the network being idle while the call reads: time spent paused
 * by the device (a slow UART, P-33) does not count.
 */
public final class HttpCall {
  /** The statuses a redirect is followed for, when the emulator follows them (P-20). */
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpEngine engine;
  private final EventLoop loop;
  private final ResponseListener listener;
  private final long timeoutNanos;
  private final CallFaults faults;
  private OutgoingRequest request;
  private Channel channel;
  private int redirects;
  private URI redirectTo;
  private int redirectStatus;
  private boolean done;
  private boolean paused;
  private long lastActivity;
  private ScheduledFuture<?> idleCheck;
  private long bodyBytes;

  HttpCall(HttpEngine engine, EventLoop loop, OutgoingRequest request, ResponseListener listener, CallFaults faults) {
    this.engine = engine;
    this.loop = loop;
    this.request = request;
    this.listener = listener;
    this.timeoutNanos = request.timeout().toNanos();
    this.faults = faults;
  }

  void start() {
    listener.onStart(this);
    onLoop(() -> {
      lastActivity = System.nanoTime();
      if (timeoutNanos > 0) {
        armIdleCheck(timeoutNanos);
      }
      connect();
    });
  }

  /** Stops reading from the network until {@link #resume()}; the timeout waits too. */
  public void pause() {
    onLoop(() -> {
      paused = true;
      if (channel != null) {
        channel.config().setAutoRead(false);
      }
    });
  }

  /** Reads from the network again. */
  public void resume() {
    onLoop(() -> {
      paused = false;
      lastActivity = System.nanoTime();
      if (channel != null && !done) {
        channel.config().setAutoRead(true);
      }
    });
  }

  /** Ends the call without a further report: the command has what it needed. */
  public void cancel() {
    onLoop(() -> finish());
  }

  private void onLoop(Runnable step) {
    if (loop.inEventLoop()) {
      step.run();
    } else {
      loop.execute(step);
    }
  }

  private void connect() {
    String host = request.uri().getHost();
    if (faults.unresolvable().test(host)) {
      fail("cannot resolve " + host + " (dns-failure fault)");
      return;
    }
    ChannelFuture connected;
    try {
      connected = engine.connect(loop, request, new ResponseHandler());
    } catch (javax.net.ssl.SSLException e) {
      fail("TLS: " + e.getMessage());
      return;
    }
    channel = connected.channel();
    channel.config().setAutoRead(!paused);
    OutgoingRequest sent = request;
    connected.addListener(c -> {
      if (!c.isSuccess()) {
        fail("cannot connect to " + sent.uri().getHost() + ":" + sent.port() + ": " + describe(c.cause()));
        return;
      }
      io.netty.handler.codec.http.FullHttpRequest wire;
      try {
        wire = NettyRequests.toNetty(sent);
      } catch (IllegalArgumentException e) {
        fail("the request cannot be sent: " + e.getMessage());
        return;
      }
      connected.channel().writeAndFlush(wire).addListener(w -> {
        if (w.isSuccess()) {
          listener.onSent(sent);
        } else {
          fail("cannot send the request: " + describe(w.cause()));
        }
      });
    });
  }

  private void onHead(HttpResponse response) {
    int status = response.status().code();
    String location = response.headers().get("Location");
    if (engine.options().followRedirects() && REDIRECTS.contains(status) && location != null
        && redirects < HttpOptions.MAX_REDIRECTS) {
      redirectTo = request.uri().resolve(location.strip());
      redirectStatus = status;
      return;
    }
    listener.onHead(status, NettyRequests.headers(response.headers()));
  }

  private void onEnd() {
    if (redirectTo != null) {
      // The 3xx body is dropped; the next hop starts on a fresh connection.
      Channel old = channel;
      request = request.redirectedTo(redirectTo, redirectStatus, NettyRequests.hostFor(request.headers(), redirectTo));
      redirects++;
      redirectTo = null;
      old.close();
      connect();
      return;
    }
    finish();
    listener.onEnd();
  }

  private void fail(String reason) {
    if (done) {
      return;
    }
    finish();
    listener.onFailure(reason);
  }

  private void finish() {
    done = true;
    if (idleCheck != null) {
      idleCheck.cancel(false);
    }
    if (channel != null) {
      channel.close();
    }
  }

  private void armIdleCheck(long delayNanos) {
    idleCheck = loop.schedule(this::checkIdle, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void checkIdle() {
    if (done) {
      return;
    }
    long now = System.nanoTime();
    if (paused) {
      lastActivity = now; // our own pause is not the network's silence
    }
    long idle = now - lastActivity;
    if (idle >= timeoutNanos) {
      fail("no data from the network for " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (the timeout)");
    } else {
      armIdleCheck(timeoutNanos - idle);
    }
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  /** Reads one connection's response; a connection left behind by a redirect is ignored. */
  private final class ResponseHandler extends SimpleChannelInboundHandler<HttpObject> {

    private boolean current(ChannelHandlerContext ctx) {
      return !done && ctx.channel() == channel;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (!current(ctx)) {
        return;
      }
      lastActivity = System.nanoTime();
      if (msg.decoderResult().isFailure()) {
        fail("malformed response: " + describe(msg.decoderResult().cause()));
        return;
      }
      if (msg instanceof HttpResponse response) {
        onHead(response);
      }
      if (msg instanceof HttpContent content) {
        if (redirectTo == null && content.content().isReadable() && !body(ByteBufUtil.getBytes(content.content()))) {
          return;
        }
        if (msg instanceof LastHttpContent) {
          onEnd();
        }
      }
    }

    /** Hands a body piece on; false when a drop-connection fault ended the call within it. */
    private boolean body(byte[] bytes) {
      if (!faults.drops() || bodyBytes + bytes.length <= faults.dropAfterBodyBytes()) {
        bodyBytes += bytes.length;
        listener.onBody(bytes);
        return true;
      }
      int keep = (int) (faults.dropAfterBodyBytes() - bodyBytes);
      if (keep > 0) {
        bodyBytes += keep;
        listener.onBody(Arrays.copyOf(bytes, keep));
      }
      fail("the connection was dropped after " + bodyBytes + " body bytes (drop-connection fault)");
      return false;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof SslHandshakeCompletionEvent e && !e.isSuccess() && current(ctx)) {
        fail("TLS handshake: " + describe(e.cause()));
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (current(ctx)) {
        fail("the server closed the connection before the response ended");
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (current(ctx)) {
        fail(describe(cause));
      }
    }
  }
}
