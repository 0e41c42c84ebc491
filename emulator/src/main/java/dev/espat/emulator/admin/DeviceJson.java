package dev.espat.emulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.espat.emulator.EmulatedDevice;
import dev.espat.emulator.command.WifiStatus;
import dev.espat.emulator.http.RecordedRequest;
import dev.espat.emulator.port.DevicePort;
import dev.espat.grammar.SecretMasker;
import java.util.Map;

/**
 * Devices and their requests as the admin API shows them. Secrets are masked here: a URL's
 * password and the value of {@code Authorization} headers.
 *
 * <pre>{@code
 * {"index":0,"name":"dev0","firmware":"4.1","ports":[{"kind":"tcp","address":"127.0.0.1:3333"}],
 *  "booting":false,"busy":false,"wifi":{"mode":1,"state":"got-ip","ssid":"home","ip":"192.168.1.100"},
 *  "faults":[{"id":1,"type":"busy","lifetime":"one-shot","commands":3}]}
 * }</pre>
 */
final class DeviceJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DeviceJson() {}

  static ObjectNode device(EmulatedDevice d) {
    ObjectNode o = NODES.objectNode();
    o.put("index", d.index());
    o.put("name", d.name());
    o.put("firmware", d.device().options().firmware().version().toString());
    ArrayNode ports = o.putArray("ports");
    for (DevicePort p : d.ports()) {
      ports.addObject().put("kind", p.kind()).put("address", p.location());
    }
    o.put("booting", d.device().isBooting());
    o.put("busy", d.device().isBusy());
    d.wifi().ifPresentOrElse(w -> o.set("wifi", wifi(w)), () -> o.putNull("wifi"));
    o.set("faults", faults(d));
    return o;
  }

  static ArrayNode faults(EmulatedDevice d) {
    ArrayNode a = NODES.arrayNode();
    d.faults().active().forEach(f -> a.add(FaultJson.write(f)));
    return a;
  }

  private static ObjectNode wifi(WifiStatus w) {
    return NODES.objectNode().put("mode", w.mode()).put("state", w.state()).put("ssid", w.ssid()).put("ip", w.ip());
  }

  /** {@code {"method":"GET","url":"http://bob:***@h/x","headers":[{"name":"Host","value":"h"}],"bodySize":0}}. */
  static ObjectNode request(RecordedRequest r) {
    ObjectNode o = NODES.objectNode();
    o.put("method", r.method());
    o.put("url", SecretMasker.mask(r.url()));
    ArrayNode headers = o.putArray("headers");
    for (Map.Entry<String, String> h : r.headers()) {
      String value = SecretMasker.isSecretHeader(h.getKey()) ? SecretMasker.MASK : SecretMasker.mask(h.getValue());
      headers.addObject().put("name", h.getKey()).put("value", value);
    }
    o.put("bodySize", r.bodySize());
    return o;
  }
}
