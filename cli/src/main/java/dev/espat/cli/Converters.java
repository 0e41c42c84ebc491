package dev.espat.cli;

import dev.espat.emulator.device.AccessPoint;
import dev.espat.emulator.firmware.FirmwareProfile;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters whose errors name the value and say what was expected. */
final class Converters {
  private Converters() {}

  /** The TCP port when {@code --tcp} names only a host. */
  static final int DEFAULT_TCP_PORT = 3333;

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)?");

  /** The admin API's port when {@code --admin} names only a host. */
  static final int DEFAULT_ADMIN_PORT = 8080;

  /** {@code HOST:PORT}, {@code HOST}, {@code :PORT} or {@code PORT}; the host defaults to loopback. */
  static final class TcpAddress implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
      return hostAndPort(value, DEFAULT_TCP_PORT);
    }
  }

  /** As {@link TcpAddress}, for {@code --admin}: port 8080 when only a host is given. */
  static final class AdminAddress implements ITypeConverter<InetSocketAddress> {
    @Override
    public InetSocketAddress convert(String value) {
      return hostAndPort(value, DEFAULT_ADMIN_PORT);
    }
  }

  private static InetSocketAddress hostAndPort(String value, int defaultPort) {
    String host = "127.0.0.1";
    String port = Integer.toString(defaultPort);
    if (value.matches("\\d+")) {
      port = value;
    } else if (value.startsWith("[")) {
      int end = value.indexOf(']');
      if (end < 0) {
        throw new TypeConversionException("'" + value + "' has no closing ']' for an IPv6 address");
      }
      host = value.substring(1, end);
      if (value.length() > end + 1) {
        if (value.charAt(end + 1) != ':') {
          throw new TypeConversionException("'" + value + "': expected ':PORT' after the address");
        }
        port = value.substring(end + 2);
      }
    } else if (value.indexOf(':') >= 0) {
      int colon = value.lastIndexOf(':');
      if (value.indexOf(':') != colon) {
        throw new TypeConversionException("'" + value + "': write IPv6 addresses in brackets, like [::1]:3333");
      }
      host = colon == 0 ? host : value.substring(0, colon);
      port = value.substring(colon + 1);
    } else if (!value.isBlank()) {
      host = value;
    }
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "': port '" + port + "' is not a number");
    }
    if (p < 0 || p > 65535) {
      throw new TypeConversionException("'" + value + "': port " + p + " is outside 0..65535");
    }
    return InetSocketAddress.createUnresolved(host, p);
  }

  /** {@code 500} (milliseconds), {@code 500ms} or {@code 2s}. */
  static final class Millis implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Matcher m = DURATION.matcher(value.strip());
      if (!m.matches()) {
        throw new TypeConversionException("'" + value + "' is not a duration like 500, 500ms or 2s");
      }
      long n = Long.parseLong(m.group(1));
      return "s".equals(m.group(2)) ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }
  }

  /** curl's {@code --resolve} form: {@code HOST:PORT:ADDRESS:PORT}, for example {@code httpbin.org:80:127.0.0.1:8080}. */
  record Resolve(String host, int port, String address, int toPort) {}

  static final class ResolveSpec implements ITypeConverter<Resolve> {
    private static final Pattern FORM = Pattern.compile("([^:\\[\\]]+|\\[[^\\]]+\\]):(\\d{1,5}):([^:\\[\\]]+|\\[[^\\]]+\\]):(\\d{1,5})");

    @Override
    public Resolve convert(String value) {
      Matcher m = FORM.matcher(value);
      if (!m.matches()) {
        throw new TypeConversionException("'" + value + "' is not HOST:PORT:ADDRESS:PORT, like httpbin.org:80:127.0.0.1:8080");
      }
      int port = Integer.parseInt(m.group(2));
      int toPort = Integer.parseInt(m.group(4));
      if (port > 65535 || toPort > 65535) {
        throw new TypeConversionException("'" + value + "': ports must be 0..65535");
      }
      return new Resolve(unbracket(m.group(1)), port, unbracket(m.group(3)), toPort);
    }

    private static String unbracket(String host) {
      return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
  }

  static final class Firmware implements ITypeConverter<FirmwareProfile> {
    @Override
    public FirmwareProfile convert(String value) {
      try {
        return FirmwareProfile.named(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class Ap implements ITypeConverter<AccessPoint> {
    @Override
    public AccessPoint convert(String value) {
      try {
        return AccessPoint.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A {@code -H 'Key: Value'} header of {@code esp-at request}. */
  record Header(String name, String value) {}

  static final class HeaderSpec implements ITypeConverter<Header> {
    @Override
    public Header convert(String value) {
      int colon = value.indexOf(':');
      if (colon <= 0 || value.substring(0, colon).isBlank()) {
        throw new TypeConversionException("'" + dev.espat.grammar.SecretMasker.mask(value)
            + "' is not a header like 'Accept: text/plain' (a name, a colon, a value)");
      }
      String name = value.substring(0, colon).strip();
      String v = value.substring(colon + 1).strip();
      if ((name + v).chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw new TypeConversionException("header '" + name + "': CR, LF and NUL cannot be sent in an AT command line");
      }
      return new Header(name, v);
    }
  }

  /**
   * {@code -d DATA} as UTF-8; {@code -d @FILE}: the file, streamed when sent (its size taken now);
   * {@code -d @-}: standard input, copied to a temporary file first (the length must be announced,
   * P-23) so that memory stays bounded.
   */
  record Body(dev.espat.driver.http.RequestBody body) {}

  static final class Data implements ITypeConverter<Body> {
    /** Where {@code @-} reads; tests set their own. */
    static java.io.InputStream stdin = System.in;

    @Override
    public Body convert(String value) {
      if (!value.startsWith("@")) {
        return new Body(dev.espat.driver.http.RequestBody.of(value));
      }
      if (value.equals("@-")) {
        return new Body(dev.espat.driver.http.RequestBody.ofFile(copyOfStdin()));
      }
      java.nio.file.Path file;
      try {
        file = java.nio.file.Path.of(value.substring(1));
      } catch (java.nio.file.InvalidPathException e) {
        throw new TypeConversionException("'" + value.substring(1) + "' is not a file name: " + e.getReason());
      }
      if (!java.nio.file.Files.exists(file)) {
        throw new TypeConversionException("cannot read the data file " + file + " (no such file)");
      }
      try {
        return new Body(dev.espat.driver.http.RequestBody.ofFile(file));
      } catch (java.io.UncheckedIOException e) {
        throw new TypeConversionException("cannot read the data file " + file + " (" + e.getCause().getMessage() + ")");
      }
    }

    private static java.nio.file.Path copyOfStdin() {
      try {
        java.nio.file.Path temp = java.nio.file.Files.createTempFile("esp-at-request-body", ".bin");
        temp.toFile().deleteOnExit();
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(temp)) {
          stdin.transferTo(out);
        }
        return temp;
      } catch (java.io.IOException e) {
        throw new TypeConversionException("cannot read the body from standard input (" + e.getMessage() + ")");
      }
    }
  }

  /** {@code --wifi SSID:PASSWORD}; the password may contain colons, the SSID may not. */
  static final class WifiSpec implements ITypeConverter<AccessPoint> {
    @Override
    public AccessPoint convert(String value) {
      int colon = value.indexOf(':');
      if (colon <= 0) {
        String shown = colon < 0 ? value : ":" + dev.espat.grammar.SecretMasker.MASK;
        throw new TypeConversionException("'" + shown + "' is not SSID:PASSWORD, like espressif:1234567890"
            + (colon == 0 ? " (the SSID is empty)" : ""));
      }
      String ssid = value.substring(0, colon);
      String password = value.substring(colon + 1);
      if (ssid.length() > 32) {
        throw new TypeConversionException("SSID '" + ssid + "' is longer than 32 bytes");
      }
      return new AccessPoint(ssid, password);
    }
  }
}
