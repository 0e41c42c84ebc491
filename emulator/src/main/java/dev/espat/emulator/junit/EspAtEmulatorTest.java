package dev.espat.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts an emulated ESP32 for a JUnit 5 test class, on a TCP port on loopback, and closes it
 * after. Test methods (and lifecycle methods) receive it as parameters: the port URL
 * ({@code @PortUrl String}), the {@link dev.espat.emulator.EspAtEmulator}, its
 * {@link dev.espat.emulator.EmulatedDevice}, the {@link RecordedRequests} it made and its
 * {@link dev.espat.emulator.fault.Faults}.
 *
 * <pre>{@code
 * @EspAtEmulatorTest(firmware = "4.1", ssid = "espressif", password = "1234567890")
 * class MyFirmwareTest {
 *   @Test
 *   void fetches(@PortUrl String port, RecordedRequests requests) {
 *     try (EspAt esp = EspAt.open(port)) { ... }
 *     assertThat(requests.take()).hasValueSatisfying(r -> assertThat(r.url()).endsWith("/data"));
 *   }
 * }
 * }</pre>
 *
 * For settings the annotation does not have, register {@link EspAtEmulatorExtension} in a field
 * instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EspAtEmulatorExtension.class)
public @interface EspAtEmulatorTest {

  /** The firmware profile: 2.2, 3.0, 3.1 or 4.1. */
  String firmware() default "4.1";

  /** The one network the device can join; empty (the default) lets any network join. */
  String ssid() default "";

  /** The password of {@link #ssid()}. */
  String password() default "";

  /** Whether output is paced at 115200 baud (P-50); off by default, for fast tests. */
  boolean paced() default false;

  /** A fresh emulator for every test method (the default) or one for the whole class. */
  Lifecycle lifecycle() default Lifecycle.PER_METHOD;

  /** How long the emulator lives. */
  enum Lifecycle {
    /** Started before each test method, closed after it: no state leaks between tests. */
    PER_METHOD,
    /** Started before the first test of the class, closed after the last. */
    PER_CLASS
  }
}
