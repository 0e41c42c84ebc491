package dev.espat.cli;

import com.fazecast.jSerialComm.SerialPort;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code esp-at ports}: Lists the serial ports of this machine. */
@Command(
    name = "ports",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the serial ports jSerialComm finds on this machine, one a line: the name to pass to --port, then its description.",
      "Prints 'no serial ports found' when there are none; exits 0 either way."
    })
final class PortsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SerialPort[] ports;
    try {
      ports = SerialPort.getCommPorts();
    } catch (RuntimeException | LinkageError e) {
      spec.commandLine().getErr().println("esp-at ports: cannot list serial ports: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    if (ports.length == 0) {
      out.println("no serial ports found");
    }
    for (SerialPort p : ports) {
      out.println(p.getSystemPortPath() + "\t" + p.getPortDescription());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
