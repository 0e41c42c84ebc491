package dev.espat.emulator.command;

import dev.espat.emulator.device.CommandFamily;
import java.util.List;

/** The command families every emulated device has. */
public final class StandardFamilies {
  private StandardFamilies() {}

  public static List<CommandFamily> all() {
    return List.of(new BasicCommands(), new WifiCommands(), new NetworkCommands(), new HttpStoreCommands());
  }
}
