package dev.espat.emulator.command;

import dev.espat.emulator.device.CommandFamily;
import java.util.List;

/** The command families every emulated device has. */
public final class StandardFamilies {
  private StandardFamilies() {}

  /** Every family but the requests of HTTP: for a device that never reaches a network. */
  public static List<CommandFamily> all() {
    return List.of(new BasicCommands(), new WifiCommands(), new NetworkCommands(), new HttpStoreCommands());
  }

  /** Every family, HTTP requests through {@code http} included. */
  public static List<CommandFamily> all(HttpCommands http) {
    return java.util.stream.Stream.concat(all().stream(), java.util.stream.Stream.of(http)).toList();
  }
}
