package dev.espat.conformance.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;

/**
 * {@link GeneratedBytes} as Netty writes them: one piece at a time, as the connection takes them
 * ({@code ChunkedWriteHandler}), so a large body never sits in memory.
 */
final class GeneratedInput implements ChunkedInput<ByteBuf> {
  private static final int PIECE = 8192;

  private final GeneratedBytes bytes = new GeneratedBytes();
  private final long length;
  private long sent;

  /** The stream's bytes from {@code from} (inclusive), {@code length} of them. */
  GeneratedInput(long from, long length) {
    bytes.skip(from);
    this.length = length;
  }

  @Override
  public boolean isEndOfInput() {
    return sent >= length;
  }

  @Override
  public void close() {
    // nothing held
  }

  @Deprecated
  @Override
  public ByteBuf readChunk(ChannelHandlerContext ctx) {
    return readChunk(ctx.alloc());
  }

  @Override
  public ByteBuf readChunk(ByteBufAllocator allocator) {
    if (isEndOfInput()) {
      return null;
    }
    int n = (int) Math.min(PIECE, length - sent);
    byte[] piece = new byte[n];
    bytes.next(piece, 0, n);
    sent += n;
    return allocator.buffer(n).writeBytes(piece);
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public long progress() {
    return sent;
  }
}
