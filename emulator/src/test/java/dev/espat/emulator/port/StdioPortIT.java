package dev.espat.emulator.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.espat.emulator.RawHost;
import dev.espat.grammar.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The device on the standard input and output of a real child process, as socat's EXEC: would run it. */
class StdioPortIT {

  private static Process startChild() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "-cp", classpath));
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.add(StdioMain.class.getName());
    return new ProcessBuilder(command).start();
  }

  @Test
  @DisplayName("ready on stdout, answers to stdin, and the process ends when its stdin does")
  void childProcess() throws Exception {
    Process child = startChild();
    try {
      RawHost host = new RawHost(child.getInputStream(), child.getOutputStream(), () -> {});
      assertThat(Bytes.show(host.readUntil(b -> Bytes.show(b).endsWith("ready\\r\\n"), RawHost.PATIENCE)))
          .isEqualTo("\\r\\nready\\r\\n");
      assertThat(Bytes.show(host.exchange("AT\r\n"))).isEqualTo("AT\\r\\n\\r\\nOK\\r\\n");
      assertThat(Bytes.show(host.exchange("ATE0\r\n"))).isEqualTo("ATE0\\r\\n\\r\\nOK\\r\\n");
      assertThat(Bytes.show(host.exchange("AT+BOGUS\r\n"))).isEqualTo("\\r\\nERROR\\r\\n");
      child.getOutputStream().close();
      assertThat(child.waitFor(RawHost.PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("exits after end of input").isTrue();
      assertThat(child.exitValue()).isZero();
      assertThat(new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
      host.close();
    } finally {
      child.destroyForcibly();
    }
  }
}
