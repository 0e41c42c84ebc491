package dev.espat.emulator.command;

import static dev.espat.grammar.CommandType.QUERY;
import static dev.espat.grammar.CommandType.SET;

import dev.espat.emulator.device.CommandFamily;
import dev.espat.emulator.device.CommandSpec;
import dev.espat.emulator.device.DataReceiver;
import dev.espat.emulator.device.Exchange;
import dev.espat.emulator.firmware.FirmwareVersion;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.response.ResponseEncoder;
import dev.espat.grammar.response.ResultCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The HTTP commands that only store settings, through data mode (P-11, P-12, P-24, P-25):
 * AT+HTTPURLCFG and AT+HTTPCHEAD. The commands that send requests use what they store.
 */
public final class HttpStoreCommands implements CommandFamily {
  /** P-24: the stored URL's length range. */
  static final int MIN_URL = 8;

  static final int MAX_URL = 8192;

  /** P-25 leaves the header length open; a header longer than the largest URL is refused. */
  static final int MAX_HEADER = 8192;

  @Override
  public List<CommandSpec> commands() {
    return List.of(
        CommandSpec.named("+HTTPURLCFG").since(FirmwareVersion.V2_3)
            .on(SET, HttpStoreCommands::setUrl)
            .on(QUERY, HttpStoreCommands::queryUrl),
        CommandSpec.named("+HTTPCHEAD").since(FirmwareVersion.V3_1)
            .on(SET, HttpStoreCommands::setHeader)
            .on(QUERY, HttpStoreCommands::queryHeaders));
  }

  private static void setUrl(AtCommand cmd, Exchange ex) {
    cmd.requireParameterCount(1, 1);
    int length = cmd.integer(1);
    if (length == 0) {
      HttpSettings.of(ex.state()).setUrl(null);
      ex.ok();
      return;
    }
    cmd.integer(1, MIN_URL, MAX_URL);
    ex.dataMode(length, collect(length, url -> {
      HttpSettings.of(ex.state()).setUrl(url);
      ex.result(ResultCode.SET_OK);
    }));
  }

  private static void queryUrl(AtCommand cmd, Exchange ex) {
    HttpSettings.of(ex.state()).url().ifPresent(url -> ex.write(ResponseEncoder.frame("HTTPURLCFG", url)));
    ex.ok();
  }

  private static void setHeader(AtCommand cmd, Exchange ex) {
    cmd.requireParameterCount(1, 1);
    int length = cmd.integer(1, 0, MAX_HEADER);
    HttpSettings settings = HttpSettings.of(ex.state());
    if (length == 0) {
      settings.clearHeaders();
      ex.ok();
      return;
    }
    boolean replace = ex.firmware().has(FirmwareVersion.V4_1);
    ex.dataMode(length, collect(length, header -> {
      settings.addHeader(header, replace);
      ex.ok();
    }));
  }

  private static void queryHeaders(AtCommand cmd, Exchange ex) {
    List<byte[]> headers = HttpSettings.of(ex.state()).headers();
    for (int i = 0; i < headers.size(); i++) {
      ex.information("HTTPCHEAD", i + ",\"" + new String(headers.get(i), StandardCharsets.UTF_8) + "\"");
    }
    ex.ok();
  }

  /** Gathers a small, bounded data-mode payload, then hands it on. */
  private static DataReceiver collect(int length, Consumer<byte[]> done) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
    return (chunk, remaining, exchange) -> {
      bytes.writeBytes(chunk);
      if (remaining == 0) {
        done.accept(bytes.toByteArray());
      }
    };
  }
}
