package dev.espat.emulator.junit;

import dev.espat.emulator.EmulatedDevice;
import dev.espat.emulator.EspAtEmulator;
import dev.espat.emulator.fault.Faults;
import java.lang.reflect.Parameter;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link EspAtEmulatorTest}; register it in a field for settings the
 * annotation lacks. It starts an emulator with one device on a loopback TCP port, before each test
 * method or once per class, closes it after, and resolves these parameters: {@code @PortUrl String},
 * {@link EspAtEmulator}, {@link EmulatedDevice}, {@link RecordedRequests}, and the device's
 * {@link Faults}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static EspAtEmulatorExtension esp = EspAtEmulatorExtension.newInstance()
 *     .configure(b -> b.firmware("3.1").accessPoint("lab", "secret").joinDelay(Duration.ofMillis(200)))
 *     .perClass();
 *
 * @Test
 * void joins() {
 *   try (EspAt device = EspAt.open(esp.portUrl())) { ... }
 * }
 * }</pre>
 */
public final class EspAtEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private Consumer<EspAtEmulator.Builder> configuration = b -> { };
  private EspAtEmulatorTest.Lifecycle lifecycle = EspAtEmulatorTest.Lifecycle.PER_METHOD;
  private boolean paced;
  /** The running emulator, when this instance is a registered field. */
  private volatile EspAtEmulator running;

  /** Used by {@link EspAtEmulatorTest}; in a field, use {@link #newInstance()}. */
  public EspAtEmulatorExtension() {}

  /** An extension for a {@code @RegisterExtension} field: unpaced, a fresh emulator per method. */
  public static EspAtEmulatorExtension newInstance() {
    return new EspAtEmulatorExtension();
  }

  /** Adds settings to the emulator's builder (firmware, access point, delays, ...). */
  public EspAtEmulatorExtension configure(Consumer<EspAtEmulator.Builder> settings) {
    Objects.requireNonNull(settings, "settings");
    configuration = configuration.andThen(settings);
    return this;
  }

  /** Paces output at the line rate (P-50); tests run unpaced otherwise. */
  public EspAtEmulatorExtension paced() {
    this.paced = true;
    return this;
  }

  /** One emulator for the whole class (the field must be static). */
  public EspAtEmulatorExtension perClass() {
    this.lifecycle = EspAtEmulatorTest.Lifecycle.PER_CLASS;
    return this;
  }

  /**
   * The running emulator, for a registered field.
   *
   * @throws IllegalStateException outside a test
   */
  public EspAtEmulator emulator() {
    EspAtEmulator e = running;
    if (e == null) {
      throw new IllegalStateException("the emulator runs only during a test (per method) or a test class (per class)");
    }
    return e;
  }

  /** {@code socket://127.0.0.1:<port>} of the running emulator's device. */
  public String portUrl() {
    return portUrl(emulator());
  }

  /** The running emulator's device. */
  public EmulatedDevice device() {
    return emulator().device();
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  @Override
  public void beforeAll(ExtensionContext context) {
    if (lifecycle(context) == EspAtEmulatorTest.Lifecycle.PER_CLASS) {
      start(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (lifecycle(context) == EspAtEmulatorTest.Lifecycle.PER_METHOD) {
      start(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (lifecycle(context) == EspAtEmulatorTest.Lifecycle.PER_METHOD) {
      stop(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (lifecycle(context) == EspAtEmulatorTest.Lifecycle.PER_CLASS) {
      stop(context);
    }
  }

  private void start(ExtensionContext context) {
    EspAtEmulator.Builder builder = EspAtEmulator.builder().tcp("127.0.0.1", 0);
    Optional<EspAtEmulatorTest> annotation = annotation(context);
    annotation.ifPresent(a -> {
      builder.firmware(a.firmware());
      if (!a.ssid().isEmpty()) {
        builder.accessPoint(a.ssid(), a.password());
      }
    });
    boolean pace = annotation.map(EspAtEmulatorTest::paced).orElse(paced);
    if (!pace) {
      builder.unpaced();
    }
    configuration.accept(builder);
    EspAtEmulator emulator;
    try {
      emulator = builder.start();
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException("the emulator did not start: " + e.getMessage(), e);
    }
    running = emulator;
    context.getStore(NAMESPACE).put(KEY, emulator);
  }

  private void stop(ExtensionContext context) {
    EspAtEmulator emulator = context.getStore(NAMESPACE).remove(KEY, EspAtEmulator.class);
    if (emulator != null) {
      running = null;
      emulator.close();
    }
  }

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EspAtEmulatorExtension.class);
  private static final String KEY = "emulator";

  private EspAtEmulatorTest.Lifecycle lifecycle(ExtensionContext context) {
    return annotation(context).map(EspAtEmulatorTest::lifecycle).orElse(lifecycle);
  }

  private static Optional<EspAtEmulatorTest> annotation(ExtensionContext context) {
    return context.getTestClass().flatMap(c -> {
      for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
        EspAtEmulatorTest a = k.getAnnotation(EspAtEmulatorTest.class);
        if (a != null) {
          return Optional.of(a);
        }
      }
      return Optional.empty();
    });
  }

  /** The emulator of this test: the method's, else the class's (nested classes look outwards). */
  private static EspAtEmulator find(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      EspAtEmulator e = c.get().getStore(NAMESPACE).get(KEY, EspAtEmulator.class);
      if (e != null) {
        return e;
      }
    }
    throw new ParameterResolutionException("no emulator is running here: with lifecycle PER_METHOD it exists only"
        + " in test methods and @BeforeEach/@AfterEach, not in @BeforeAll");
  }

  private static String portUrl(EspAtEmulator emulator) {
    InetSocketAddress a = emulator.device().tcpAddress().orElseThrow();
    return "socket://" + a.getHostString() + ":" + a.getPort();
  }

  // ---- parameters ---------------------------------------------------------------------------

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Parameter p = parameterContext.getParameter();
    Class<?> type = p.getType();
    return (type == String.class && p.isAnnotationPresent(PortUrl.class))
        || type == EspAtEmulator.class
        || type == EmulatedDevice.class
        || type == RecordedRequests.class
        || type == Faults.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    EspAtEmulator emulator = find(extensionContext);
    Class<?> type = parameterContext.getParameter().getType();
    if (type == String.class) {
      return portUrl(emulator);
    }
    if (type == EspAtEmulator.class) {
      return emulator;
    }
    if (type == EmulatedDevice.class) {
      return emulator.device();
    }
    if (type == Faults.class) {
      return emulator.device().faults();
    }
    return new RecordedRequests(emulator.device());
  }
}
