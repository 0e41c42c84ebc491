package dev.espat.grammar.internal;

import java.util.Arrays;

/**
 * Bytes received but not yet consumed by a decoder: appended at the tail, taken from the head.
 * Not thread-safe; a decoder owns one.
 */
public final class ByteQueue {
  /** An emptied queue gives back capacity above this, so one large feed is not kept for ever. */
  private static final int RETAINED_CAPACITY = 64 * 1024;

  private final int initialCapacity;
  private byte[] buffer;
  private int head;
  private int tail;

  public ByteQueue(int initialCapacity) {
    this.initialCapacity = Math.max(16, initialCapacity);
    buffer = new byte[this.initialCapacity];
  }

  /** Appends {@code length} bytes of {@code src} from {@code offset}. */
  public void append(byte[] src, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, src.length);
    if (tail + length > buffer.length) {
      int size = size();
      if (size + length > buffer.length) {
        buffer = Arrays.copyOf(Arrays.copyOfRange(buffer, head, tail), Math.max(buffer.length * 2, size + length));
      } else {
        System.arraycopy(buffer, head, buffer, 0, size);
      }
      head = 0;
      tail = size;
    }
    System.arraycopy(src, offset, buffer, tail, length);
    tail += length;
  }

  public int size() {
    return tail - head;
  }

  public boolean isEmpty() {
    return head == tail;
  }

  /** The byte {@code index} places after the head, not consumed. */
  public byte peek(int index) {
    return buffer[head + index];
  }

  /** Takes one byte from the head. */
  public byte take() {
    byte b = buffer[head++];
    if (head == tail) {
      clear();
    }
    return b;
  }

  /** Takes {@code length} bytes from the head. */
  public byte[] take(int length) {
    byte[] out = Arrays.copyOfRange(buffer, head, head + length);
    head += length;
    if (head == tail) {
      clear();
    }
    return out;
  }

  /** Moves {@code length} bytes from the head into {@code dst} at {@code offset}. */
  public void take(byte[] dst, int offset, int length) {
    if (length > size()) {
      throw new IllegalArgumentException("only " + size() + " bytes queued, " + length + " asked");
    }
    System.arraycopy(buffer, head, dst, offset, length);
    head += length;
    if (head == tail) {
      clear();
    }
  }

  /** Position of the first {@code b} within the first {@code limit} bytes, or -1. */
  public int indexOf(byte b, int limit) {
    int end = Math.min(tail, head + limit);
    for (int i = head; i < end; i++) {
      if (buffer[i] == b) {
        return i - head;
      }
    }
    return -1;
  }

  /** Drops everything; a large buffer is given back. */
  public void clear() {
    head = tail = 0;
    if (buffer.length > RETAINED_CAPACITY) {
      buffer = new byte[initialCapacity];
    }
  }

  /** The bytes held, including capacity not in use: what a memory bound is checked against. */
  public int capacity() {
    return buffer.length;
  }
}
