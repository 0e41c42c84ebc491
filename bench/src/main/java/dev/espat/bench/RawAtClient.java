package dev.espat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The baseline: what reading the device's answer costs with nothing but a socket. It writes AT
 * command lines itself and reads until the final result, skipping body frames by their length
 * ({@code +HTTPCGET:<len>,} then {@code len} bytes and CR LF, P-30) and counting their bytes.
 * No at-grammar, no threads, no copies of the body: the least any host can do with the same bytes.
 */
final class RawAtClient {
  private static final int MAX_KEPT_LINE = 256;

  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private final byte[] line = new byte[MAX_KEPT_LINE];
  private long frames;

  RawAtClient(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  /** Writes {@code commandLine} and CR LF, waits for OK; the lines before it are ignored. */
  void execute(String commandLine) throws IOException {
    send(commandLine);
    readUntilFinal(null);
  }

  /**
   * Writes {@code commandLine} (an AT+HTTPCGET or other command answering in {@code +<frameName>:}
   * frames) and CR LF, and returns the number of body bytes that came before OK.
   */
  long download(String commandLine, String frameName) throws IOException {
    send(commandLine);
    return readUntilFinal(("+" + frameName + ":").getBytes(StandardCharsets.US_ASCII));
  }

  /** Body frames read since this client was made: the framing overhead is about 17 bytes each. */
  long frames() {
    return frames;
  }

  private void send(String commandLine) throws IOException {
    out.write((commandLine + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads lines up to OK, skipping frames that start with {@code framePrefix}; the frames' bytes. */
  long readUntilFinal(byte[] framePrefix) throws IOException {
    long bodyBytes = 0;
    int length = 0; // of the line so far; only the first MAX_KEPT_LINE bytes are kept
    while (true) {
      byte b = next();
      if (b == '\n') {
        int end = Math.min(length, MAX_KEPT_LINE);
        if (end > 0 && line[end - 1] == '\r') {
          end--;
        }
        String text = new String(line, 0, end, StandardCharsets.US_ASCII);
        if (text.equals("OK") || text.equals("SEND OK")) {
          return bodyBytes;
        }
        if (text.equals("ERROR") || text.equals("SEND FAIL")) {
          throw new IOException("the device answered " + text);
        }
        length = 0;
        continue;
      }
      if (length < MAX_KEPT_LINE) {
        line[length] = b;
      }
      length++;
      if (b == ',' && framePrefix != null && length <= MAX_KEPT_LINE && isFrameHeader(framePrefix, length)) {
        int frame = Integer.parseInt(new String(line, framePrefix.length, length - framePrefix.length - 1,
            StandardCharsets.US_ASCII));
        skip(frame);
        if (next() != '\r' || next() != '\n') {
          throw new IOException("a frame of " + frame + " bytes not followed by CR LF");
        }
        bodyBytes += frame;
        frames++;
        length = 0;
      }
    }
  }

  /** Whether the line so far is the prefix, at least one digit and the comma just read. */
  private boolean isFrameHeader(byte[] prefix, int length) {
    if (length < prefix.length + 2) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line[i] != prefix[i]) {
        return false;
      }
    }
    for (int i = prefix.length; i < length - 1; i++) {
      if (line[i] < '0' || line[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private byte next() throws IOException {
    if (position == limit) {
      fill();
    }
    return buffer[position++];
  }

  private void skip(long count) throws IOException {
    while (count > 0) {
      if (position == limit) {
        fill();
      }
      int n = (int) Math.min(count, limit - position);
      position += n;
      count -= n;
    }
  }

  private void fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      throw new IOException("the device closed the connection");
    }
    position = 0;
    limit = n;
  }
}
