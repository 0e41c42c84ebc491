package dev.espat.grammar;

import dev.espat.grammar.internal.ByteQueue;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Device side of the UART input: cuts the bytes a host sends into command lines (P-01, P-02) and,
 * after a command that opens data mode, into exactly the announced number of raw bytes (P-11).
 *
 * <p>Sans-I/O, in the manner of h11: the device {@link #receive receives} whatever the port read
 * and then pulls {@link #next() events} until there are none. Because events are pulled one at a
 * time, a command handled between two pulls can switch the reader to data mode with
 * {@link #expectData(long)}, and the bytes after its line are read as data even when they came in
 * the same read.
 *
 * <pre>{@code
 * reader.receive(bytes, 0, n);
 * for (Optional<Input> in; (in = reader.next()).isPresent(); ) {
 *   port.write(echoOn ? reader.takeEcho() : EMPTY);   // P-04: echo before the response
 *   switch (in.get()) {
 *     case Line l -> handle(CommandParser.parse(l.bytes()));
 *     case OverlongLine o -> port.write(error(...));     // P-02: nothing executed
 *     case Data d -> body.write(d.bytes());              // d.remaining() == 0: the last chunk
 *   }
 * }
 * }</pre>
 *
 * <p>Memory: a line is kept up to {@link AtLimits#MAX_COMMAND_LINE} bytes; past that its bytes are
 * counted and dropped. Data chunks are handed out as they arrive, never gathered.
 */
public final class CommandLineReader {

  /** What the host sent, one piece at a time. */
  public sealed interface Input permits Line, OverlongLine, Data {}

  /**
   * A complete line, terminator included, at most {@link AtLimits#MAX_COMMAND_LINE} bytes; give it
   * to {@link CommandParser#parse(byte[])}.
   *
   * @param bytes the line as received
   */
  public record Line(byte[] bytes) implements Input {
    public Line {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Line l && Arrays.equals(bytes, l.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Line[" + bytes.length + " bytes]";
    }
  }

  /**
   * A line that exceeded {@link AtLimits#MAX_COMMAND_LINE} bytes: the device answers {@code ERROR}
   * and executes none of it (P-02).
   *
   * @param length the line's length in bytes, LF included
   */
  public record OverlongLine(long length) implements Input {
    /** The exception (and error code) a device reports for this line. */
    public LineTooLongException toException() {
      return new LineTooLongException(length);
    }
  }

  /**
   * A run of data-mode bytes (P-11), never echoed.
   *
   * @param bytes the raw bytes, any values
   * @param remaining how many more bytes data mode takes; 0 on the last chunk
   */
  public record Data(byte[] bytes, long remaining) implements Input {
    public Data {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Data d && remaining == d.remaining && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes) * 31 + Long.hashCode(remaining);
    }

    @Override
    public String toString() {
      return "Data[" + bytes.length + " bytes, " + remaining + " remaining]";
    }
  }

  private final ByteQueue received = new ByteQueue(512);
  private final byte[] line = new byte[AtLimits.MAX_COMMAND_LINE];
  private final ByteArrayOutputStream echo = new ByteArrayOutputStream();
  private long lineLength;
  private long dataRemaining;

  /** Hands over bytes read from the port; nothing is interpreted until {@link #next()}. */
  public void receive(byte[] bytes, int offset, int length) {
    received.append(bytes, offset, length);
  }

  /** Hands over bytes read from the port. */
  public void receive(byte[] bytes) {
    receive(bytes, 0, bytes.length);
  }

  /**
   * The next complete piece of input, or empty when more bytes are needed. In command mode, every
   * byte consumed is also added to the {@link #takeEcho() echo}.
   */
  public Optional<Input> next() {
    if (dataRemaining > 0) {
      if (received.isEmpty()) {
        return Optional.empty();
      }
      int n = (int) Math.min(received.size(), dataRemaining);
      dataRemaining -= n;
      return Optional.of(new Data(received.take(n), dataRemaining));
    }
    while (!received.isEmpty()) {
      byte b = received.take();
      echo.write(b);
      if (lineLength < line.length) {
        line[(int) lineLength] = b;
      }
      lineLength++;
      if (b == '\n') {
        long length = lineLength;
        lineLength = 0;
        return Optional.of(
            length > line.length ? new OverlongLine(length) : new Line(Arrays.copyOf(line, (int) length)));
      }
    }
    return Optional.empty();
  }

  /**
   * Switches to data mode: the next {@code length} bytes are handed out as {@link Data}, whatever
   * they contain (P-11). Call it after handling the {@link Line} that opens data mode.
   *
   * @throws IllegalStateException if data mode is already open or a line is half received
   */
  public void expectData(long length) {
    if (length <= 0) {
      throw new IllegalArgumentException("data mode needs a positive length, got " + length);
    }
    if (dataRemaining > 0 || lineLength > 0) {
      throw new IllegalStateException("data mode can only start between two command lines");
    }
    dataRemaining = length;
  }

  /** Whether the reader is in data mode. */
  public boolean inDataMode() {
    return dataRemaining > 0;
  }

  /** How many data-mode bytes are still expected; 0 in command mode. */
  public long dataRemaining() {
    return dataRemaining;
  }

  /**
   * Leaves data mode early, dropping what it still expected: for a device-side data-mode timeout
   * (an extension, P-13) or a reset.
   *
   * @return how many bytes were still expected
   */
  public long abandonData() {
    long left = dataRemaining;
    dataRemaining = 0;
    return left;
  }

  /**
   * The command-mode bytes consumed since the last call: what a device with echo on (P-04) writes
   * back. Data-mode bytes are never part of it.
   */
  public byte[] takeEcho() {
    byte[] out = echo.toByteArray();
    echo.reset();
    return out;
  }

  /** Bytes of a line received so far without its LF. */
  public long partialLineLength() {
    return lineLength;
  }

  /** Drops everything received and not yet handed out, as a reset of the device does. */
  public void reset() {
    received.clear();
    echo.reset();
    lineLength = 0;
    dataRemaining = 0;
  }
}
