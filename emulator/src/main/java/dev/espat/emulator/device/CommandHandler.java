package dev.espat.emulator.device;

import dev.espat.grammar.AtCommand;

/**
 * Runs one form of one command. It answers through the {@link Exchange}: information lines, then
 * exactly one final result, now or later (a handler that waits, for Wi-Fi or the network, keeps
 * the device busy until it answers, P-10).
 */
@FunctionalInterface
public interface CommandHandler {
  void handle(AtCommand command, Exchange exchange);
}
