package dev.espat.driver;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The physical ESP32 the {@code *HardwareIT} tests run on, named by system properties that
 * {@code ./mvnw -B verify -Phardware -Desp.port=/dev/ttyUSB0} passes (see "Running the tests on a
 * real ESP32" in docs/driver.md):
 *
 * <ul>
 *   <li>{@code esp.port}: the AT UART's port URL, required with the profile;
 *   <li>{@code esp.wifi=SSID:PASSWORD}: a network the board can join (the password may hold colons);
 *   <li>{@code esp.http=http://LAN-ADDRESS:PORT}: where the tests' web server listens, an address of
 *       this machine the board can reach (port 0 or none: a free one).
 * </ul>
 *
 * <p>Without the profile ({@code esp.hardware} unset) and without {@code esp.port} the tests are
 * skipped, saying why ({@link Present}, on the class); with the profile and without
 * {@code esp.port} they fail, saying what to add. The optional properties skip only the tests
 * that need them.
 */
final class Board {
  static final String PORT = "esp.port";
  static final String WIFI = "esp.wifi";
  static final String HTTP = "esp.http";
  /** Set by the {@code hardware} profile of driver/pom.xml. */
  static final String PROFILE = "esp.hardware";

  /** A network the board joins. */
  record Network(String ssid, String password) {}

  private Board() {}

  /**
   * Skips a whole test class, with the reason in the report, when there is no board: neither
   * {@code -Desp.port} nor the profile. With the profile on and no port the class runs, so that
   * {@link #port()} fails it saying what to add.
   */
  static final class Present implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return property(PORT) != null || Boolean.getBoolean(PROFILE)
          ? ConditionEvaluationResult.enabled("a board on -D" + PORT)
          : ConditionEvaluationResult.disabled("no board: hardware tests run with ./mvnw -B verify -Phardware -Desp.port=/dev/ttyUSB0");
    }
  }

  /** The board's port URL; skips the test without the profile, fails with it when -Desp.port is missing. */
  static String port() {
    String port = property(PORT);
    if (port == null) {
      if (Boolean.getBoolean(PROFILE)) {
        fail("the hardware profile needs the board's AT port: add -Desp.port=/dev/ttyUSB0"
            + " (or COM3, serial:/dev/ttyUSB0?baud=921600, socket://host:port)");
      }
      assumeTrue(false, "no board: hardware tests run with ./mvnw -B verify -Phardware -Desp.port=/dev/ttyUSB0");
    }
    return port;
  }

  /** Opens the board and handshakes, with timeouts for a real UART and a real network. */
  static EspAt open() {
    return EspAt.builder(port()).commandTimeout(Duration.ofSeconds(10)).readyTimeout(Duration.ofSeconds(10)).open();
  }

  /** The network from -Desp.wifi=SSID:PASSWORD; skips the test when it is not given. */
  static Network wifi() {
    String wifi = property(WIFI);
    assumeTrue(wifi != null, "needs a network the board can join: add -Desp.wifi=SSID:PASSWORD");
    int colon = wifi.indexOf(':');
    if (colon <= 0) {
      fail("-Desp.wifi must be SSID:PASSWORD; the value given has no colon after a non-empty SSID");
    }
    return new Network(wifi.substring(0, colon), wifi.substring(colon + 1));
  }

  /** Where the tests' web server listens, from -Desp.http=http://LAN-ADDRESS:PORT; skips the test when not given. */
  static InetSocketAddress http() {
    String http = property(HTTP);
    assumeTrue(http != null, "needs an address of this machine the board can reach: add -Desp.http=http://LAN-ADDRESS:PORT");
    URI uri = URI.create(http);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      fail("-Desp.http must be http://LAN-ADDRESS:PORT (the address to bind the tests' web server to), got " + http);
    }
    return new InetSocketAddress(uri.getHost(), Math.max(uri.getPort(), 0));
  }

  /** A property's value, or null when it is missing or blank (the profile passes empty ones). */
  private static String property(String name) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
