/**
 * The emulator in a container for Testcontainers: {@link dev.espat.testcontainers.EspAtEmulatorContainer}
 * starts the image {@code esp-at-emulator} that this module's build makes locally (docs/container.md).
 *
 * <pre>{@code
 * @Container
 * static EspAtEmulatorContainer esp = new EspAtEmulatorContainer().withAccessPoint("espressif", "1234567890");
 * // EspAt.open(esp.getSocketUrl())
 * }</pre>
 */
package dev.espat.testcontainers;
