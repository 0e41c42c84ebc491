package dev.espat.emulator.device;

import dev.espat.emulator.firmware.FirmwareProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands one firmware profile has (P-27): a name lookup built from the families. */
public final class CommandTable {
  private final Map<String, CommandSpec> byName = new HashMap<>();

  public CommandTable(FirmwareProfile profile, List<? extends CommandFamily> families) {
    for (CommandFamily family : families) {
      for (CommandSpec spec : family.commands()) {
        if (profile.has(spec.since()) && byName.putIfAbsent(spec.name(), spec) != null) {
          throw new IllegalStateException("AT" + spec.name() + " is defined twice");
        }
      }
    }
  }

  public Optional<CommandSpec> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public boolean has(String name) {
    return byName.containsKey(name);
  }
}
