package dev.espat.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Optional;

/**
 * One admin connection: checks the token, hands the request to {@link AdminApi} and writes its
 * reply. Every error is a JSON {@code {"error":"..."}} with its status; nothing is logged, so no
 * token or request ever reaches a log.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final AdminApi api;
  private final BearerToken token;

  AdminHandler(AdminApi api, BearerToken token) {
    this.api = api;
    this.token = token;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      send(ctx, json(HttpResponseStatus.BAD_REQUEST, AdminApi.error("malformed HTTP request: "
          + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())), false), false);
      return;
    }
    if (AdminApi.needsToken(request.uri())) {
      Optional<String> refusal = token.refusal(request.headers().get(HttpHeaderNames.AUTHORIZATION));
      if (refusal.isPresent()) {
        FullHttpResponse r = json(HttpResponseStatus.UNAUTHORIZED, AdminApi.error(refusal.get()), keepAlive);
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"esp-at admin\"");
        send(ctx, r, keepAlive);
        return;
      }
    }
    AdminReply reply;
    try {
      reply = api.handle(request.method().name(), request.uri(), ByteBufUtil.getBytes(request.content()));
    } catch (AdminException e) {
      FullHttpResponse r = json(HttpResponseStatus.valueOf(e.status()), AdminApi.error(e.getMessage()), keepAlive);
      if (e.allow() != null) {
        r.headers().set(HttpHeaderNames.ALLOW, e.allow());
      }
      send(ctx, r, keepAlive);
      return;
    } catch (RuntimeException e) {
      // A defect of the emulator, not of the request: named, without a stack trace for the caller.
      send(ctx, json(HttpResponseStatus.INTERNAL_SERVER_ERROR, AdminApi.error("internal error: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())), keepAlive), keepAlive);
      return;
    }
    switch (reply) {
      case AdminReply.Json j -> send(ctx, json(HttpResponseStatus.valueOf(j.status()), j.body(), keepAlive), keepAlive);
      case AdminReply.TraceLines t -> stream(ctx, t, keepAlive);
    }
  }

  private static void stream(ChannelHandlerContext ctx, AdminReply.TraceLines trace, boolean keepAlive) {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set("X-Trace-Lines", trace.lines().size())
        .set("X-Trace-Omitted", trace.omitted());
    HttpUtil.setKeepAlive(head, keepAlive);
    ctx.write(head);
    ChannelFuture done = ctx.writeAndFlush(new HttpChunkedInput(new TraceChunks(trace.lines())));
    if (!keepAlive) {
      done.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    ChannelFuture f = ctx.writeAndFlush(response);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** A JSON response with its length, not cached. */
  static FullHttpResponse json(HttpResponseStatus status, JsonNode body, boolean keepAlive) {
    byte[] bytes = AdminApi.bytes(body);
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    HttpUtil.setKeepAlive(r, keepAlive);
    return r;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a client that went away mid-request; nothing to tell anyone
  }
}
