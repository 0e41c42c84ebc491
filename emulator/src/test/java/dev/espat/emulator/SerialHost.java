package dev.espat.emulator;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Path;

/** A host that opens a serial port with jSerialComm, exactly as a Java program on a rig would. */
public final class SerialHost {
  private SerialHost() {}

  /** Opens {@code path} at 115200 8N1 and returns a RawHost on it; closing that closes the port. */
  public static RawHost open(Path path) {
    SerialPort port = SerialPort.getCommPort(path.toString());
    port.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
    if (!port.openPort()) {
      throw new AssertionError("jSerialComm could not open " + path + ": error " + port.getLastErrorCode()
          + " at line " + port.getLastErrorLocation());
    }
    return new RawHost(port.getInputStreamWithSuppressedTimeoutExceptions(), port.getOutputStream(), port::closePort);
  }
}
