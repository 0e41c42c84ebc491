package dev.espat.emulator.admin;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Netty's aggregator, whose refusal of a body over the limit is a JSON 413 like every other error
 * of the admin API. As Netty's own, it keeps a keep-alive connection open and skips the rest of the
 * body, and closes any other.
 */
final class JsonAggregator extends HttpObjectAggregator {

  JsonAggregator(int maxContentLength) {
    super(maxContentLength);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    boolean close = oversized instanceof FullHttpMessage
        || !(HttpUtil.is100ContinueExpected(oversized) || HttpUtil.isKeepAlive(oversized));
    FullHttpResponse response = AdminHandler.json(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        AdminApi.error("the request body is over " + maxContentLength() + " bytes"), !close);
    ctx.writeAndFlush(response).addListener(close ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
  }
}
