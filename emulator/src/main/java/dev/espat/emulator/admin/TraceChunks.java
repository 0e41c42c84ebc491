package dev.espat.emulator.admin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.stream.ChunkedInput;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Trace lines written a batch at a time as the client reads them, so a long trace never sits in
 * the server's memory as one body. With {@code ChunkedWriteHandler}.
 */
final class TraceChunks implements ChunkedInput<ByteBuf> {
  /** Lines per chunk: a few tens of kilobytes at most. */
  private static final int LINES_PER_CHUNK = 64;

  private final List<String> lines;
  private int next;
  private long written;

  TraceChunks(List<String> lines) {
    this.lines = lines;
  }

  @Override
  public boolean isEndOfInput() {
    return next >= lines.size();
  }

  @Override
  public void close() {
    next = lines.size();
  }

  @Override
  @Deprecated
  public ByteBuf readChunk(io.netty.channel.ChannelHandlerContext ctx) {
    return readChunk(ctx.alloc());
  }

  @Override
  public ByteBuf readChunk(ByteBufAllocator allocator) {
    if (isEndOfInput()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    int end = Math.min(lines.size(), next + LINES_PER_CHUNK);
    for (; next < end; next++) {
      text.append(lines.get(next)).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    written += bytes.length;
    ByteBuf buf = allocator.buffer(bytes.length);
    buf.writeBytes(bytes);
    return buf;
  }

  @Override
  public long length() {
    return -1;
  }

  @Override
  public long progress() {
    return written;
  }
}
