package dev.espat.emulator.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Between {@link OutgoingRequest} and Netty's HTTP messages. */
final class NettyRequests {
  private NettyRequests() {}

  /** The request on the wire: request line, headers in order, the body whole. */
  static FullHttpRequest toNetty(OutgoingRequest request) {
    byte[] body = request.body() == null ? new byte[0] : request.body();
    FullHttpRequest wire = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()),
        request.target(), Unpooled.wrappedBuffer(body));
    try {
      for (Map.Entry<String, String> h : request.headers()) {
        wire.headers().add(h.getKey(), h.getValue());
      }
    } catch (IllegalArgumentException e) {
      wire.release();
      throw e;
    }
    return wire;
  }

  /** Headers in the order received, names as the server wrote them. */
  static List<Map.Entry<String, String>> headers(HttpHeaders headers) {
    List<Map.Entry<String, String>> list = new ArrayList<>();
    headers.iteratorAsString().forEachRemaining(e -> list.add(Map.entry(e.getKey(), e.getValue())));
    return list;
  }

  /** The headers with Host pointing at a redirect's target. */
  static List<Map.Entry<String, String>> hostFor(List<Map.Entry<String, String>> headers, URI target) {
    List<Map.Entry<String, String>> moved = new ArrayList<>();
    for (Map.Entry<String, String> h : headers) {
      moved.add(h.getKey().toLowerCase(Locale.ROOT).equals("host") ? Map.entry(h.getKey(), OutgoingRequest.hostHeader(target)) : h);
    }
    return moved;
  }
}
