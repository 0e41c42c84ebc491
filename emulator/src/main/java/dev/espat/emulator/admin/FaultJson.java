package dev.espat.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.espat.emulator.fault.Fault;
import dev.espat.emulator.fault.InjectedFault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Faults as the admin API's JSON writes them: {@code {"type":"busy","commands":3}}. Reading is
 * strict: an unknown type, an unknown or missing field, a field of the wrong kind or out of range
 * is refused with a message that names it.
 *
 * <pre>{@code
 * {"type":"port-latency","millis":200}      {"type":"http-latency","millis":500}
 * {"type":"drop-connection","afterBytes":1000}  {"type":"dns-failure","host":"example.com"}
 * {"type":"busy","commands":3}              {"type":"send-fail"}
 * {"type":"truncate-body","bytes":100}      {"type":"garbage","base64":"AP8="} or {"type":"garbage","text":"+Q"}
 * {"type":"reset"}                          {"type":"stall-output","millis":2000}
 * {"type":"wifi-disconnect"}
 * }</pre>
 */
final class FaultJson {
  /** Each type and the fields it takes, in the order of the documentation. */
  static final Map<String, List<String>> FIELDS = fields();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FaultJson() {}

  private static Map<String, List<String>> fields() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("port-latency", List.of("millis"));
    m.put("http-latency", List.of("millis"));
    m.put("drop-connection", List.of("afterBytes"));
    m.put("dns-failure", List.of("host"));
    m.put("busy", List.of("commands"));
    m.put("send-fail", List.of());
    m.put("truncate-body", List.of("bytes"));
    m.put("garbage", List.of("base64", "text"));
    m.put("reset", List.of());
    m.put("stall-output", List.of("millis"));
    m.put("wifi-disconnect", List.of());
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The fault a request body describes.
   *
   * @throws AdminException a 400 naming the type or field that is wrong
   */
  static Fault read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw AdminException.badRequest("the body must be a JSON object such as {\"type\":\"busy\",\"commands\":3}");
    }
    JsonNode typeNode = body.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw AdminException.badRequest("the fault needs a \"type\", one of: " + String.join(", ", FIELDS.keySet()));
    }
    String type = typeNode.asText();
    List<String> takes = FIELDS.get(type);
    if (takes == null) {
      throw AdminException.badRequest("unknown fault type '" + type + "'; known: " + String.join(", ", FIELDS.keySet()));
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && !takes.contains(name)) {
        throw AdminException.badRequest("unknown field '" + name + "' for fault '" + type + "'; it takes "
            + (takes.isEmpty() ? "no fields" : String.join(", ", takes)));
      }
    }
    try {
      return switch (type) {
        case "port-latency" -> new Fault.PortLatency(millis(body, type));
        case "http-latency" -> new Fault.HttpLatency(millis(body, type));
        case "drop-connection" -> new Fault.DropConnectionMidBody(integer(body, type, "afterBytes"));
        case "dns-failure" -> new Fault.DnsFailure(text(body, type, "host"));
        case "busy" -> new Fault.Busy(commands(body));
        case "send-fail" -> new Fault.SendFailNext();
        case "truncate-body" -> new Fault.TruncateNextBody(integer(body, type, "bytes"));
        case "garbage" -> new Fault.Garbage(garbage(body));
        case "reset" -> new Fault.Reset();
        case "stall-output" -> new Fault.StallOutput(millis(body, type));
        case "wifi-disconnect" -> new Fault.WifiDisconnect();
        default -> throw new IllegalStateException("a type in FIELDS without a reader: " + type);
      };
    } catch (IllegalArgumentException e) {
      throw AdminException.badRequest("fault '" + type + "': " + e.getMessage());
    }
  }

  /** {@code {"id":1,"type":"busy","lifetime":"one-shot","commands":2}}. */
  static ObjectNode write(InjectedFault injected) {
    Fault fault = injected.fault();
    ObjectNode o = NODES.objectNode();
    o.put("id", injected.id());
    o.put("type", fault.type());
    o.put("lifetime", fault.lifetime().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    switch (fault) {
      case Fault.PortLatency f -> o.put("millis", f.delay().toMillis());
      case Fault.HttpLatency f -> o.put("millis", f.delay().toMillis());
      case Fault.DropConnectionMidBody f -> o.put("afterBytes", f.afterBytes());
      case Fault.DnsFailure f -> o.put("host", f.host());
      case Fault.Busy f -> o.put("commands", f.commands());
      case Fault.SendFailNext f -> { }
      case Fault.TruncateNextBody f -> o.put("bytes", f.bytes());
      case Fault.Garbage f -> o.put("base64", Base64.getEncoder().encodeToString(f.bytes()));
      case Fault.Reset f -> { }
      case Fault.StallOutput f -> o.put("millis", f.duration().toMillis());
      case Fault.WifiDisconnect f -> { }
    }
    return o;
  }

  private static JsonNode required(JsonNode body, String type, String field, String kind) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      throw AdminException.badRequest("fault '" + type + "' needs the field '" + field + "' (" + kind + ")");
    }
    return node;
  }

  private static long integer(JsonNode body, String type, String field) {
    JsonNode node = required(body, type, field, "an integer");
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw AdminException.badRequest("field '" + field + "' of fault '" + type + "' must be an integer, got " + node);
    }
    return node.asLong();
  }

  private static int commands(JsonNode body) {
    long n = integer(body, "busy", "commands");
    if (n < 1 || n > Fault.MAX_BUSY_COMMANDS) {
      throw AdminException.badRequest("field 'commands' of fault 'busy' must be 1.." + Fault.MAX_BUSY_COMMANDS + ", got " + n);
    }
    return (int) n;
  }

  private static Duration millis(JsonNode body, String type) {
    long ms = integer(body, type, "millis");
    if (ms < 0 || ms > Fault.MAX_DURATION.toMillis()) {
      throw AdminException.badRequest("field 'millis' of fault '" + type + "' must be 0.." + Fault.MAX_DURATION.toMillis() + ", got " + ms);
    }
    return Duration.ofMillis(ms);
  }

  private static String text(JsonNode body, String type, String field) {
    JsonNode node = required(body, type, field, "a string");
    if (!node.isTextual()) {
      throw AdminException.badRequest("field '" + field + "' of fault '" + type + "' must be a string, got " + node);
    }
    return node.asText();
  }

  /** Exactly one of {@code base64} (any bytes) and {@code text} (sent as UTF-8). */
  private static byte[] garbage(JsonNode body) {
    boolean base64 = body.has("base64");
    if (base64 == body.has("text")) {
      throw AdminException.badRequest("fault 'garbage' needs exactly one of 'base64' (any bytes) and 'text' (UTF-8)");
    }
    if (!base64) {
      return text(body, "garbage", "text").getBytes(StandardCharsets.UTF_8);
    }
    String encoded = text(body, "garbage", "base64");
    try {
      return Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      throw AdminException.badRequest("field 'base64' of fault 'garbage' is not Base64: " + e.getMessage());
    }
  }
}
