package dev.espat.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter that receives the emulated device's port URL,
 * {@code socket://127.0.0.1:<port>}, as the driver and pyserial take it.
 *
 * <pre>{@code
 * @Test
 * void handshake(@PortUrl String port) {
 *   try (EspAt esp = EspAt.open(port)) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PortUrl {}
