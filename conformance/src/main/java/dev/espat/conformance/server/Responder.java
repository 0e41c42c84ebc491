package dev.espat.conformance.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Answers one connection's requests as {@link Route} says. Response headers come in a fixed
 * order, with the names spelled as here ({@code Content-Type}, {@code Content-Length},
 * {@code Date}, then any others), because AT+HTTPCLIENT's HEAD prints them in the order received
 * (P-20) and transcripts expect that order.
 */
final class Responder extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** How long {@code /gate/N} waits for the runner before giving up on the connection. */
  static final long GATE_TIMEOUT_MS = 15_000;

  private static final Pattern RANGE = Pattern.compile("bytes=([0-9]{1,12})-([0-9]{0,12})");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

  private final TestHttpServer server;

  Responder(TestHttpServer server) {
    this.server = server;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String target = request.uri();
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    request.headers().forEach(headers::add);
    server.log().add(new RequestLog.Request(request.method().name(), path, target, headers, request.content().readableBytes()));
    boolean head = request.method().equals(HttpMethod.HEAD);
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    Reply reply = new Reply(ctx, head, keepAlive);
    if (!request.decoderResult().isSuccess()) {
      reply.full(HttpResponseStatus.BAD_REQUEST, "text/plain", ascii("bad request"));
      return;
    }
    switch (Route.of(path)) {
      case Route.Get g -> reply.full(HttpResponseStatus.OK, "application/json", Route.GET_BODY);
      case Route.Bytes b -> reply.generated(HttpResponseStatus.OK, 0, b.length(), null);
      case Route.Chunked c -> reply.chunked(c.length());
      case Route.Gzip z -> reply.gzip(z.length());
      case Route.Range r -> range(reply, r.length(), request.headers().get("Range"));
      case Route.Gate g -> reply.gated(g.length());
      case Route.Echo e -> reply.full(HttpResponseStatus.OK, "application/octet-stream", bytes(request.content()));
      case Route.Headers h -> reply.full(HttpResponseStatus.OK, "text/plain", echoHeaders(request));
      case Route.Status s -> reply.full(HttpResponseStatus.valueOf(s.code()), "text/plain", s.body());
      case Route.Slow s -> ctx.executor().schedule(
          () -> reply.full(HttpResponseStatus.OK, "text/plain", Route.SLOW_BODY), s.millis(), TimeUnit.MILLISECONDS);
      case Route.Redirect r -> reply.full(HttpResponseStatus.FOUND, "text/plain", r.body(), "Location", r.location());
      case Route.Tricky t -> reply.full(HttpResponseStatus.OK, "text/plain", Route.TRICKY_BODY);
      case Route.NotFound n -> reply.full(HttpResponseStatus.NOT_FOUND, "text/plain", ascii(n.why()));
    }
  }

  private static void range(Reply reply, long length, String range) {
    Matcher m = range == null ? null : RANGE.matcher(range.strip());
    if (m == null || !m.matches()) {
      reply.generated(HttpResponseStatus.OK, 0, length, null);
      return;
    }
    long first = Long.parseLong(m.group(1));
    long last = m.group(2).isEmpty() ? length - 1 : Math.min(length - 1, Long.parseLong(m.group(2)));
    if (first > last || first >= length) {
      reply.full(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "text/plain", new byte[0], "Content-Range", "bytes */" + length);
      return;
    }
    reply.generated(HttpResponseStatus.PARTIAL_CONTENT, first, last - first + 1, "bytes " + first + "-" + last + "/" + length);
  }

  /** {@code GET /headers?x=1}, then {@code name: value} per header, names in lower case, in order. */
  private static byte[] echoHeaders(FullHttpRequest request) {
    StringBuilder s = new StringBuilder(request.method().name()).append(' ').append(request.uri()).append('\n');
    request.headers().forEach(h -> s.append(h.getKey().toLowerCase(Locale.ROOT)).append(": ").append(h.getValue()).append('\n'));
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuf content) {
    byte[] b = new byte[content.readableBytes()];
    content.getBytes(content.readerIndex(), b);
    return b;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A device that hangs up mid-body, a TLS handshake refused: the connection goes, the server stays.
    ctx.close();
  }

  /** One response on its way: headers in the fixed order, then the body unless it is HEAD. */
  private final class Reply {
    private final ChannelHandlerContext ctx;
    private final boolean head;
    private final boolean keepAlive;

    Reply(ChannelHandlerContext ctx, boolean head, boolean keepAlive) {
      this.ctx = ctx;
      this.head = head;
      this.keepAlive = keepAlive;
    }

    void full(HttpResponseStatus status, String type, byte[] body, String... extra) {
      DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
          head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
      headers(r.headers(), type, Long.toString(body.length), extra);
      finish(ctx.writeAndFlush(r));
    }

    void generated(HttpResponseStatus status, long from, long length, String contentRange) {
      HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
      headers(r.headers(), "application/octet-stream", Long.toString(length),
          contentRange == null ? new String[0] : new String[] {"Content-Range", contentRange});
      ctx.write(r);
      if (!head) {
        ctx.write(new GeneratedInput(from, length));
      }
      finish(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }

    void chunked(long length) {
      HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      headers(r.headers(), "application/octet-stream", null);
      if (head) {
        finish(ctx.writeAndFlush(r));
        return;
      }
      ctx.write(r);
      finish(ctx.writeAndFlush(new HttpChunkedInput(new GeneratedInput(0, length))));
    }

    void gzip(int length) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(length + 64);
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(GeneratedBytes.first(length));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      full(HttpResponseStatus.OK, "application/octet-stream", out.toByteArray(), "Content-Encoding", "gzip");
    }

    /** The first {@link Route#GATE_HEAD} bytes now, the rest once the runner opens the gate. */
    void gated(long length) {
      HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      headers(r.headers(), "application/octet-stream", Long.toString(length));
      ctx.write(r);
      if (head) {
        finish(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
        return;
      }
      AtomicBoolean done = new AtomicBoolean();
      TestHttpServer.Gate[] gate = new TestHttpServer.Gate[1];
      ScheduledFuture<?> timeout = ctx.executor().schedule(() -> {
        if (done.compareAndSet(false, true)) {
          server.forget(gate[0]);
          ctx.close(); // nobody read the first part in time: the device buffered instead of streaming
        }
      }, GATE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      gate[0] = () -> ctx.executor().execute(() -> {
        if (done.compareAndSet(false, true)) {
          timeout.cancel(false);
          ctx.write(new GeneratedInput(Route.GATE_HEAD, length - Route.GATE_HEAD));
          finish(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
        }
      });
      // Registered before the first part leaves: its frame may reach the runner at once.
      server.register(gate[0]);
      ctx.writeAndFlush(new GeneratedInput(0, Route.GATE_HEAD));
    }

    private void headers(HttpHeaders h, String type, String length, String... extra) {
      h.set("Content-Type", type);
      if (length != null) {
        h.set("Content-Length", length);
      } else {
        h.set("Transfer-Encoding", "chunked");
      }
      h.set("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
      for (int i = 0; i + 1 < extra.length; i += 2) {
        h.set(extra[i], extra[i + 1]);
      }
      if (!keepAlive) {
        h.set("Connection", "close");
      }
    }

    private void finish(ChannelFuture last) {
      if (!keepAlive) {
        last.addListener(ChannelFutureListener.CLOSE);
      }
    }
  }
}
