package dev.espat.emulator.port;

import dev.espat.emulator.device.HostLink;
import java.io.IOException;
import java.util.function.IntConsumer;

/**
 * A {@link HostLink} that writes to a port's sink at the {@link Pacing}'s rate. A sink that fails
 * means the host is gone: like a UART with nobody listening, the bytes are lost, and the port's
 * reader notices the end and detaches the device.
 */
final class PacedLink implements HostLink {
  private final Pacing pacing;
  private final Pacing.Sink sink;
  private final IntConsumer onBaudChange;

  /** A link whose baud rate only changes the pacing. */
  PacedLink(Pacing pacing, Pacing.Sink sink) {
    this(pacing, sink, baud -> {});
  }

  /** A link that also tells the port of a new rate (a real serial port changes its own). */
  PacedLink(Pacing pacing, Pacing.Sink sink, IntConsumer onBaudChange) {
    this.pacing = pacing;
    this.sink = sink;
    this.onBaudChange = onBaudChange;
  }

  @Override
  public void write(byte[] bytes) {
    try {
      pacing.write(bytes, sink);
    } catch (IOException gone) {
      // the host went away mid-write; its reader detaches the device
    }
  }

  @Override
  public void changeBaudRate(int baud) {
    pacing.changeBaudRate(baud);
    onBaudChange.accept(baud);
  }
}
