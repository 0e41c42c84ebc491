package dev.espat.emulator.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.espat.emulator.EmulatedDevice;
import dev.espat.emulator.fault.Fault;
import dev.espat.emulator.fault.InjectedFault;
import dev.espat.emulator.trace.Trace;
import dev.espat.emulator.trace.TraceEvent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Arrays;
import java.util.List;

/**
 * The admin API's endpoints, without the HTTP around them: a method, a path and a body in, an
 * {@link AdminReply} out, or an {@link AdminException} naming what was wrong.
 *
 * <pre>{@code
 * GET    /api/health                        {"status":"ok"}
 * GET    /api/devices                       [{"index":0,"name":"dev0",...}]
 * GET    /api/devices/{i}                   {"index":0,...}
 * GET    /api/devices/{i}/faults            [{"id":1,"type":"busy",...}]
 * POST   /api/devices/{i}/faults            {"type":"busy","commands":3} -> 201 {"id":1,...}
 * DELETE /api/devices/{i}/faults            {"cleared":2}
 * DELETE /api/devices/{i}/faults/{id}       {"removed":1}
 * POST   /api/devices/{i}/reset             202 {"status":"resetting"}
 * GET    /api/devices/{i}/trace?limit=N     text/plain, the last N trace lines (default 1000)
 * GET    /api/devices/{i}/requests          [{"method":"GET","url":...}]
 * }</pre>
 */
final class AdminApi {
  /** Trace lines sent when the request names no limit. */
  static final int DEFAULT_TRACE_LINES = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<EmulatedDevice> devices;
  private final Trace trace;

  AdminApi(List<EmulatedDevice> devices, Trace trace) {
    this.devices = List.copyOf(devices);
    this.trace = trace;
  }

  /** Whether a request to this path needs the token: all but the health check. */
  static boolean needsToken(String uri) {
    return !"/api/health".equals(trimmed(new QueryStringDecoder(uri).path()));
  }

  AdminReply handle(String method, String uri, byte[] body) {
    QueryStringDecoder query = new QueryStringDecoder(uri);
    String path = trimmed(query.path());
    String[] s = path.isEmpty() ? new String[0] : path.substring(1).split("/", -1);
    if (s.length < 2 || !s[0].equals("api")) {
      throw notFound(method, path);
    }
    if (s.length == 2 && s[1].equals("health")) {
      allow(method, "GET");
      return ok(NODES.objectNode().put("status", "ok"));
    }
    if (!s[1].equals("devices")) {
      throw notFound(method, path);
    }
    if (s.length == 2) {
      allow(method, "GET");
      ArrayNode list = NODES.arrayNode();
      devices.forEach(d -> list.add(DeviceJson.device(d)));
      return ok(list);
    }
    EmulatedDevice device = device(s[2]);
    if (s.length == 3) {
      allow(method, "GET");
      return ok(DeviceJson.device(device));
    }
    return switch (String.join("/", Arrays.copyOfRange(s, 3, s.length))) {
      case "faults" -> faults(method, device, body);
      case "reset" -> {
        allow(method, "POST");
        device.reset();
        yield new AdminReply.Json(202, NODES.objectNode().put("status", "resetting"));
      }
      case "trace" -> {
        allow(method, "GET");
        yield traceOf(device, query);
      }
      case "requests" -> {
        allow(method, "GET");
        ArrayNode list = NODES.arrayNode();
        device.requests().forEach(r -> list.add(DeviceJson.request(r)));
        yield ok(list);
      }
      default -> {
        if (s.length == 5 && s[3].equals("faults")) {
          allow(method, "DELETE");
          yield removeFault(device, s[4]);
        }
        throw notFound(method, path);
      }
    };
  }

  private AdminReply faults(String method, EmulatedDevice device, byte[] body) {
    switch (method) {
      case "GET" -> {
        return ok(DeviceJson.faults(device));
      }
      case "POST" -> {
        Fault fault = FaultJson.read(parse(body));
        InjectedFault injected = device.faults().inject(fault);
        return new AdminReply.Json(201, FaultJson.write(injected));
      }
      case "DELETE" -> {
        int armed = device.faults().active().size();
        device.faults().clear();
        return ok(NODES.objectNode().put("cleared", armed));
      }
      default -> throw methodNotAllowed(method, "GET, POST, DELETE");
    }
  }

  private static AdminReply removeFault(EmulatedDevice device, String idText) {
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw AdminException.notFound("no fault '" + idText + "': fault ids are numbers, as POST .../faults answered");
    }
    if (!device.faults().remove(id)) {
      throw AdminException.notFound("device " + device.index() + " has no armed fault " + id
          + " (a one-shot fault is gone once used; GET .../faults lists the armed ones)");
    }
    return ok(NODES.objectNode().put("removed", id));
  }

  private AdminReply traceOf(EmulatedDevice device, QueryStringDecoder query) {
    int limit = DEFAULT_TRACE_LINES;
    List<String> given = query.parameters().get("limit");
    if (given != null) {
      String text = given.getLast();
      try {
        limit = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > Trace.RETAINED) {
        throw AdminException.badRequest("query parameter 'limit' must be 1.." + Trace.RETAINED + ", got '" + text + "'");
      }
    }
    List<TraceEvent> mine = trace.events().stream().filter(e -> e.device().equals(device.name())).toList();
    int from = Math.max(0, mine.size() - limit);
    List<String> lines = mine.subList(from, mine.size()).stream().map(TraceEvent::line).toList();
    return new AdminReply.TraceLines(lines, from);
  }

  /** A device by index ({@code 0}) or by name ({@code dev0}). */
  private EmulatedDevice device(String key) {
    for (EmulatedDevice d : devices) {
      if (key.equals(Integer.toString(d.index())) || key.equals(d.name())) {
        return d;
      }
    }
    throw AdminException.notFound("no device '" + key + "'; this emulator has devices 0.." + (devices.size() - 1));
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw AdminException.badRequest("the body is empty; send a fault such as {\"type\":\"busy\",\"commands\":3}");
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      String why = e.getOriginalMessage();
      if (why.length() > 200) {
        why = why.substring(0, 200) + "...";
      }
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw AdminException.badRequest("the body is not JSON" + where + ": " + why);
    } catch (java.io.IOException e) {
      throw AdminException.badRequest("the body cannot be read: " + e.getMessage());
    }
  }

  private static void allow(String method, String allowed) {
    if (!allowed.equals(method)) {
      throw methodNotAllowed(method, allowed);
    }
  }

  private static AdminException methodNotAllowed(String method, String allowed) {
    return new AdminException(405, method + " is not allowed here; allowed: " + allowed, allowed);
  }

  private static AdminException notFound(String method, String path) {
    return AdminException.notFound("no endpoint " + method + " " + (path.isEmpty() ? "/" : path)
        + "; the API is under /api/devices (see docs/admin-api.md)");
  }

  private static AdminReply.Json ok(JsonNode body) {
    return new AdminReply.Json(200, body);
  }

  /** The path without a trailing slash, so {@code /api/devices/} is {@code /api/devices}. */
  private static String trimmed(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** For the handler: an error as {@code {"error":"..."}}. */
  static ObjectNode error(String message) {
    return NODES.objectNode().put("error", message);
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
