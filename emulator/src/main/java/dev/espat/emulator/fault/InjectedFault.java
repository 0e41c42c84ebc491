package dev.espat.emulator.fault;

/**
 * A fault as {@link Faults} holds it: the id it was given, to remove it by, and the fault as it
 * stands now (a {@link Fault.Busy} counts down as it answers lines).
 *
 * @param id unique within the device, counting up from 1
 * @param fault the fault, with what is left of it
 */
public record InjectedFault(long id, Fault fault) {}
