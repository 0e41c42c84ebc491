package dev.espat.conformance.internal;

import dev.espat.conformance.format.Piece;
import dev.espat.conformance.format.Template;
import dev.espat.conformance.server.TestHttpServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills in a template with the run's values: {@code {server}} and the rest, {@code {len}} and
 * {@code {pad:N}} on {@code >} lines; on {@code <} lines it also turns the line into
 * {@link Element}s to match.
 */
final class Values {
  private final TestHttpServer server;
  private final RunContext context;

  Values(TestHttpServer server, RunContext context) {
    this.server = server;
    this.context = context;
  }

  /**
   * A run value. {@code {ssid}} and {@code {password}} go into AT string fields on {@code >} lines,
   * so there they are escaped for AT (P-07); on {@code <} lines they are as the device prints them.
   */
  String value(String name, boolean send) throws StepFailure {
    return switch (name) {
      case "server" -> server.url();
      case "server-tls" -> server.tlsUrl();
      case "server-host" -> server.host();
      case "server-port" -> Integer.toString(server.port());
      case "server-tls-port" -> Integer.toString(server.tlsPort());
      case "refused" -> server.refusedUrl();
      case "ssid" -> send ? atEscaped(context.ssid()) : context.ssid();
      case "password" -> send ? atEscaped(context.password()) : context.password();
      case "baud" -> {
        if (context.baud().isEmpty()) {
          throw new StepFailure("{baud} is the rate of a serial line, and this port is not one", "");
        }
        yield Integer.toString(context.baud().getAsInt());
      }
      default -> throw new IllegalStateException("unknown value {" + name + "}");
    };
  }

  private static String atEscaped(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace(",", "\\,");
  }

  /**
   * The bytes of a {@code >} line.
   *
   * @param nextPayloadLength what {@code {len}} stands for, or -1 when the line has none
   */
  byte[] send(Template t, long nextPayloadLength) throws StepFailure {
    ByteArrayOutputStream before = new ByteArrayOutputStream();
    ByteArrayOutputStream after = new ByteArrayOutputStream();
    Piece.Pad pad = null;
    for (Piece p : t.pieces()) {
      ByteArrayOutputStream out = pad == null ? before : after;
      switch (p) {
        case Piece.Literal l -> out.writeBytes(l.bytes());
        case Piece.Variable v -> out.writeBytes(utf8(value(v.name(), true)));
        case Piece.Length len -> out.writeBytes(utf8(Long.toString(nextPayloadLength)));
        case Piece.Pad pd -> pad = pd;
        case Piece.Token tk -> throw new IllegalStateException("a token on a > line");
      }
    }
    if (pad == null) {
      return before.toByteArray();
    }
    int fill = pad.lineLength() - before.size() - after.size();
    if (fill < 0) {
      throw new StepFailure("{pad:" + pad.lineLength() + "}: the line is already " + (before.size() + after.size())
          + " bytes without padding", "");
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream(pad.lineLength());
    all.writeBytes(before.toByteArray());
    all.writeBytes("x".repeat(fill).getBytes(StandardCharsets.US_ASCII));
    all.writeBytes(after.toByteArray());
    return all.toByteArray();
  }

  /** Quoted text of a {@code frames} check, filled in. */
  byte[] text(Template t) throws StepFailure {
    return send(t, -1);
  }

  /** A {@code <} line as elements: values filled in, neighbouring literals joined, a frame built around {@code {len}}. */
  List<Element> expect(Template t) throws StepFailure {
    List<Element> head = new ArrayList<>();
    List<Element> payload = null;
    for (Piece p : t.pieces()) {
      List<Element> into = payload == null ? head : payload;
      switch (p) {
        case Piece.Literal l -> add(into, l.bytes());
        case Piece.Variable v -> add(into, utf8(value(v.name(), false)));
        case Piece.Token tk -> into.add(new Element.Token(tk.kind()));
        case Piece.Length len -> payload = new ArrayList<>();
        case Piece.Pad pd -> throw new IllegalStateException("{pad} on a < line");
      }
    }
    if (payload == null) {
      return head;
    }
    // The parser made sure: ",PAYLOAD\r\n" follows {len}.
    Element.Literal first = (Element.Literal) payload.removeFirst();
    byte[] rest = java.util.Arrays.copyOfRange(first.bytes(), 1, first.bytes().length);
    if (rest.length > 0) {
      payload.addFirst(new Element.Literal(rest));
    }
    Element.Literal last = (Element.Literal) payload.removeLast();
    byte[] lastBytes = last.bytes();
    if (lastBytes.length > 2) {
      payload.addLast(new Element.Literal(java.util.Arrays.copyOf(lastBytes, lastBytes.length - 2)));
    }
    head.add(new Element.Frame(List.copyOf(payload)));
    head.add(new Element.Literal(new byte[] {'\r', '\n'}));
    return head;
  }

  private static void add(List<Element> into, byte[] bytes) {
    if (bytes.length == 0) {
      return;
    }
    if (!into.isEmpty() && into.getLast() instanceof Element.Literal l) {
      byte[] joined = java.util.Arrays.copyOf(l.bytes(), l.bytes().length + bytes.length);
      System.arraycopy(bytes, 0, joined, l.bytes().length, bytes.length);
      into.set(into.size() - 1, new Element.Literal(joined));
    } else {
      into.add(new Element.Literal(bytes));
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
