package dev.espat.emulator.device;

import dev.espat.emulator.firmware.FirmwareVersion;
import dev.espat.grammar.CommandType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * One command: its name, the release that introduced it (P-27) and a handler for each form it
 * supports (P-06).
 *
 * <pre>{@code
 * CommandSpec.named("+CWMODE").since(FirmwareVersion.V2_0)
 *     .on(CommandType.QUERY, (cmd, ex) -> { ex.information("CWMODE", "1"); ex.ok(); })
 *     .on(CommandType.SET, this::setMode);
 * }</pre>
 */
public final class CommandSpec {
  private final String name;
  private FirmwareVersion since = FirmwareVersion.V2_0;
  private final Map<CommandType, CommandHandler> forms = new EnumMap<>(CommandType.class);

  private CommandSpec(String name) {
    this.name = name.toUpperCase(Locale.ROOT);
  }

  /** A command by its name after {@code AT}: {@code ""}, {@code "E0"}, {@code "+GMR"}. */
  public static CommandSpec named(String name) {
    return new CommandSpec(name);
  }

  public CommandSpec since(FirmwareVersion version) {
    this.since = version;
    return this;
  }

  public CommandSpec on(CommandType type, CommandHandler handler) {
    forms.put(type, handler);
    return this;
  }

  public String name() {
    return name;
  }

  public FirmwareVersion since() {
    return since;
  }

  /** The handler of a form, or null when the command does not support it. */
  CommandHandler handler(CommandType type) {
    return forms.get(type);
  }
}
