package dev.espat.emulator.port;

import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.HostLink;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One device on standard input and output, raw bytes both ways: for a host that starts the
 * emulator as a child process and talks to it through pipes (socat's {@code EXEC:}, a test
 * harness). The host is there from the start, so it sees {@code ready}; the end of standard input
 * is the host leaving.
 *
 * <pre>{@code
 * StdioPort port = StdioPort.system(device, Pacing.unpaced());
 * port.start();
 * port.endOfInput().join();   // the host closed our stdin
 * }</pre>
 */
public final class StdioPort implements DevicePort {
  private static final int READ_BUFFER = 4096;

  private final Device device;
  private final InputStream in;
  private final OutputStream out;
  private final Pacing pacing;
  private final Thread reader;
  private final CompletableFuture<Void> endOfInput = new CompletableFuture<>();
  private volatile boolean closed;

  /** The device on these streams; {@link #system} is the process's own. */
  public StdioPort(Device device, InputStream in, OutputStream out, Pacing pacing) {
    this.device = device;
    this.in = in;
    this.out = out;
    this.pacing = pacing;
    this.reader = Thread.ofPlatform().daemon().name("esp-at-stdio-" + device.name()).unstarted(this::readLoop);
  }

  /**
   * The device on this process's standard input and output. Standard input is read through an
   * interruptible channel so that {@link #close()} can stop the reader; it closes standard input.
   */
  public static StdioPort system(Device device, Pacing pacing) {
    System.out.flush();  // what was printed before goes out before the device's bytes
    InputStream stdin = Channels.newInputStream(new FileInputStream(FileDescriptor.in).getChannel());
    return new StdioPort(device, stdin, new FileOutputStream(FileDescriptor.out), pacing);
  }

  @Override
  public void start() {
    device.attach(new PacedLink(pacing, (b, offset, length) -> {
      out.write(b, offset, length);
      out.flush();
    }));
    reader.start();
  }

  private void readLoop() {
    byte[] buffer = new byte[READ_BUFFER];
    try {
      for (int n; !closed && (n = in.read(buffer)) >= 0; ) {
        device.receive(buffer, 0, n);
      }
    } catch (IOException e) {
      // closed under us, or a broken pipe: either way the host has gone
    } finally {
      device.detach();
      endOfInput.complete(null);
    }
  }

  /** Completes when standard input ends (the host left) or the port is closed. */
  public CompletableFuture<Void> endOfInput() {
    return endOfInput;
  }

  @Override
  public String kind() {
    return "stdio";
  }

  @Override
  public String location() {
    return "stdin/stdout";
  }

  @Override
  public String describe() {
    return "stdio (standard input and output)";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    reader.interrupt();
    try {
      in.close();
    } catch (IOException ignored) {
      // it was ending anyway
    }
    try {
      reader.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!reader.isAlive()) {
      endOfInput.complete(null);
    }
  }
}
