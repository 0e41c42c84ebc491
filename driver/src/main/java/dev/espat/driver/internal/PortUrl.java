package dev.espat.driver.internal;

import dev.espat.driver.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A port named as a URL-ish string (pyserial's conventions): {@code socket://host:port},
 * {@code serial:<name>?baud=<n>&rtscts=true}, or a bare device name such as {@code /dev/ttyUSB0}
 * or {@code COM3}.
 */
public sealed interface PortUrl {

  /** A serial line carried over TCP. */
  record Socket(String host, int port) implements PortUrl {
    @Override
    public Transport open() throws IOException {
      return SocketTransport.connect(host, port);
    }
  }

  /** A serial port. */
  record Serial(String name, int baud, boolean rtsCts) implements PortUrl {
    @Override
    public Transport open() throws IOException {
      return SerialTransport.open(name, baud, rtsCts);
    }
  }

  /** Opens the port. */
  Transport open() throws IOException;

  /**
   * Reads a port URL.
   *
   * @throws IllegalArgumentException naming the URL and what is wrong with it
   */
  static PortUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a port URL is required, for example socket://127.0.0.1:3333 or /dev/ttyUSB0");
    }
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("socket://")) {
      return socket(u);
    }
    if (lower.startsWith("serial:")) {
      return serial(u, u.substring("serial:".length()));
    }
    // A scheme we do not know (rfc2217://, loop://) must not be mistaken for a device name.
    if (u.matches("[A-Za-z][A-Za-z0-9+.-]+://.*")) {
      throw new IllegalArgumentException("port URL '" + u + "': unknown scheme; use socket://host:port, serial:<name> or a device name");
    }
    return new Serial(u, Transport.DEFAULT_BAUD_RATE, false);
  }

  private static Socket socket(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null || uri.getPort() < 1) {
        throw new IllegalArgumentException("port URL '" + url + "' needs a host and a port: socket://host:port");
      }
      return new Socket(uri.getHost(), uri.getPort());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("port URL '" + url + "' is not socket://host:port: " + e.getReason(), e);
    }
  }

  private static Serial serial(String url, String rest) {
    int q = rest.indexOf('?');
    String name = q < 0 ? rest : rest.substring(0, q);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("port URL '" + url + "' names no serial port: serial:/dev/ttyUSB0");
    }
    int baud = Transport.DEFAULT_BAUD_RATE;
    boolean rtsCts = false;
    if (q >= 0) {
      for (String pair : rest.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        String value = kv.length == 2 ? kv[1] : "";
        switch (kv[0].toLowerCase(Locale.ROOT)) {
          case "baud" -> baud = baud(url, value);
          case "rtscts" -> rtsCts = flag(url, value);
          default -> throw new IllegalArgumentException("port URL '" + url + "': unknown option '" + kv[0] + "' (known: baud, rtscts)");
        }
      }
    }
    return new Serial(name, baud, rtsCts);
  }

  private static int baud(String url, String value) {
    try {
      int baud = Integer.parseInt(value);
      if (baud > 0) {
        return baud;
      }
    } catch (NumberFormatException e) {
      // the message below says it
    }
    throw new IllegalArgumentException("port URL '" + url + "': baud '" + value + "' is not a positive number");
  }

  private static boolean flag(String url, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("port URL '" + url + "': rtscts '" + value + "' is not true or false");
    };
  }
}
