package dev.espat.emulator.device;

import java.util.List;

/** A group of commands implemented together: basic, Wi-Fi, HTTP. */
public interface CommandFamily {
  List<CommandSpec> commands();

  /** After {@code ready}: the family's start-up behaviour, such as Wi-Fi auto-connect. */
  default void onBoot(Device.BootContext context) {}
}
