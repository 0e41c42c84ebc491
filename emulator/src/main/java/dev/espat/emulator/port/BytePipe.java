package dev.espat.emulator.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A bounded byte pipe between two threads: writes block while it is full (back-pressure), reads
 * block while it is empty, and closing either end ends both.
 */
final class BytePipe {
  private final byte[] buffer;
  private int head;
  private int size;
  private boolean closed;

  BytePipe(int capacity) {
    buffer = new byte[capacity];
  }

  synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      while (size == buffer.length && !closed) {
        waitInterruptibly();
      }
      if (closed) {
        throw new IOException("pipe closed");
      }
      int tail = (head + size) % buffer.length;
      int n = Math.min(length, Math.min(buffer.length - size, buffer.length - tail));
      System.arraycopy(bytes, offset, buffer, tail, n);
      size += n;
      offset += n;
      length -= n;
      notifyAll();
    }
  }

  synchronized int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (size == 0 && !closed) {
      waitInterruptibly();
    }
    if (size == 0) {
      return -1;
    }
    int n = Math.min(length, Math.min(size, buffer.length - head));
    System.arraycopy(buffer, head, into, offset, n);
    head = (head + n) % buffer.length;
    size -= n;
    notifyAll();
    return n;
  }

  synchronized int available() {
    return size;
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  private void waitInterruptibly() throws InterruptedIOException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting on the pipe");
    }
  }

  InputStream inputStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return BytePipe.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return BytePipe.this.read(b, off, len);
      }

      @Override
      public int available() {
        return BytePipe.this.available();
      }

      @Override
      public void close() {
        BytePipe.this.close();
      }
    };
  }
}
