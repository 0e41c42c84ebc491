package dev.espat.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * An emulated ESP32 running ESP-AT in a container: {@code ./esp-at emulate} in the image this
 * project builds ({@code esp-at-emulator}, see docs/container.md), its UART on TCP port 3333 and
 * its admin API on 8080, configured like Testcontainers' own modules.
 *
 * <pre>{@code
 * try (EspAtEmulatorContainer esp = new EspAtEmulatorContainer()
 *         .withFirmware("3.1")
 *         .withAccessPoint("espressif", "1234567890")
 *         .withResolve("api.example.com", 80, EspAtEmulatorContainer.HOST_ALIAS + ":8080")
 *         .withUnpaced()) {
 *   esp.start();
 *   try (EspAt device = EspAt.open(esp.getSocketUrl())) {      // socket://localhost:49153
 *     device.wifi().join("espressif", "1234567890");
 *     device.http().send(HttpRequest.newBuilder(URI.create("http://api.example.com/")).build());
 *   }
 *   // curl -H "Authorization: Bearer " + esp.getAdminToken() + " " + esp.getAdminUrl() + "api/devices"
 * }
 * }</pre>
 *
 * <p>The device reaches this machine as {@link #HOST_ALIAS} (Docker's {@code host-gateway}) or at
 * {@link #getHostGatewayAddress()}: a server bound to {@code 0.0.0.0} here answers there, which
 * needs no helper image. The container is started once it printed its {@code listening} line
 * (and the admin API's). The default image is never pulled: without it, {@link #start()} says how
 * to build it.
 */
public class EspAtEmulatorContainer extends GenericContainer<EspAtEmulatorContainer> {

  /** The image this project builds, {@code esp-at-emulator}, without a tag. */
  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("esp-at-emulator");

  /** The tag of the image built together with this class: the project's version. */
  public static final String DEFAULT_TAG = ImageVersion.TAG;

  /** The container port of the device's UART. */
  public static final int DEVICE_PORT = 3333;

  /** The container port of the admin API. */
  public static final int ADMIN_PORT = 8080;

  /**
   * The name under which the device reaches the machine that runs Docker (mapped to Docker's
   * {@code host-gateway}), for example in {@link #withResolve(String, int, String)}.
   */
  public static final String HOST_ALIAS = "host.docker.internal";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DockerImageName image;
  private final List<String> accessPoints = new ArrayList<>();
  private final List<String> resolves = new ArrayList<>();
  private final List<String> extraArguments = new ArrayList<>();
  private final StartupOutput output = new StartupOutput();
  private String firmware;
  private boolean unpaced;
  private String adminToken = randomToken();

  /** A container of the image built with this version of the project, {@code esp-at-emulator:}{@link #DEFAULT_TAG}. */
  public EspAtEmulatorContainer() {
    this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
  }

  /** A container of {@code image}, for example {@code "esp-at-emulator:latest"}. */
  public EspAtEmulatorContainer(String image) {
    this(DockerImageName.parse(image));
  }

  /** A container of {@code image}, which must be {@code esp-at-emulator} or declared compatible with it. */
  @SuppressWarnings("this-escape") // configured in the constructor, as Testcontainers' own modules are
  public EspAtEmulatorContainer(DockerImageName image) {
    super(image);
    image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    this.image = image;
    if (isLocalImage()) {
      withImagePullPolicy(name -> false); // no registry has it: built here or nowhere
    }
    withExtraHost(HOST_ALIAS, "host-gateway");
    withLogConsumer(output);
  }

  /** The firmware release to emulate: 2.2, 3.0, 3.1 or 4.1 ({@code --firmware}; default: the newest). */
  public EspAtEmulatorContainer withFirmware(String version) {
    requireText(version, "firmware version");
    this.firmware = version.strip();
    return self();
  }

  /**
   * An access point the device can join ({@code --ap}, repeatable); once one is given, other SSIDs
   * and passwords fail as on a board ({@code +CWJAP:2}, {@code +CWJAP:3}). Without any, every
   * SSID and password joins.
   */
  public EspAtEmulatorContainer withAccessPoint(String ssid, String password) {
    requireText(ssid, "SSID");
    Objects.requireNonNull(password, "password");
    if (ssid.indexOf(':') >= 0) {
      throw new IllegalArgumentException("SSID '" + ssid + "' contains ':', which --ap SSID:PASSWORD cannot carry");
    }
    accessPoints.add(ssid + ":" + password);
    return self();
  }

  /**
   * Sends the device's requests for {@code host:port} to {@code target} instead ({@code --resolve},
   * like curl's), keeping the Host header: firmware written for a public API runs against a local
   * stand-in.
   *
   * @param target {@code ADDRESS:PORT} as seen from inside the container, for example
   *     {@code HOST_ALIAS + ":8080"} for a server on this machine
   */
  public EspAtEmulatorContainer withResolve(String host, int port, String target) {
    requireText(host, "host");
    requirePort(port, "port of " + host);
    requireText(target, "target");
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || !target.substring(colon + 1).matches("\\d{1,5}")) {
      throw new IllegalArgumentException("resolve target '" + target + "' is not ADDRESS:PORT, like " + HOST_ALIAS + ":8080");
    }
    requirePort(Integer.parseInt(target.substring(colon + 1)), "port of " + target);
    resolves.add(host + ":" + port + ":" + target);
    return self();
  }

  /** Writes output as fast as the TCP port takes it instead of at the UART's 115200 baud ({@code --unpaced}). */
  public EspAtEmulatorContainer withUnpaced() {
    this.unpaced = true;
    return self();
  }

  /**
   * The bearer token the admin API asks for. By default a random one ({@link #getAdminToken()}):
   * inside the container the API listens on every address, which the emulator allows only with a
   * token.
   */
  public EspAtEmulatorContainer withAdminToken(String token) {
    requireText(token, "admin token");
    this.adminToken = token;
    return self();
  }

  /** No admin API: port 8080 is neither served nor exposed. */
  public EspAtEmulatorContainer withoutAdmin() {
    this.adminToken = null;
    return self();
  }

  /**
   * Further {@code esp-at emulate} options, appended as given, for what has no method here:
   * {@code withEmulatorArguments("--join-delay", "2s")}. See {@code ./esp-at emulate --help}.
   */
  public EspAtEmulatorContainer withEmulatorArguments(String... arguments) {
    for (String a : arguments) {
      extraArguments.add(Objects.requireNonNull(a, "argument"));
    }
    return self();
  }

  /** The device's UART for the driver or any pyserial-style client: {@code socket://HOST:PORT}. */
  public String getSocketUrl() {
    return "socket://" + getHost() + ":" + getMappedPort(DEVICE_PORT);
  }

  /** The admin API's base URL, {@code http://HOST:PORT/}; send {@code Authorization: Bearer} {@link #getAdminToken()}. */
  public String getAdminUrl() {
    requireAdmin();
    return "http://" + getHost() + ":" + getMappedPort(ADMIN_PORT) + "/";
  }

  /** The admin API's bearer token: the one given to {@link #withAdminToken(String)} or a random one. */
  public String getAdminToken() {
    requireAdmin();
    return adminToken;
  }

  /**
   * This machine's address as the device sees it: the gateway of the container's network
   * (172.17.0.1 on Docker's default bridge). A server here bound to it or to {@code 0.0.0.0} is
   * reachable from the device at this address, for example a test server whose URL the device is
   * given, or {@code esp-at conformance --serve-address}. Holds when the Docker engine runs on this
   * machine; with Docker Desktop use {@link #HOST_ALIAS} instead.
   */
  public String getHostGatewayAddress() {
    for (ContainerNetwork network : getContainerInfo().getNetworkSettings().getNetworks().values()) {
      if (network.getGateway() != null && !network.getGateway().isEmpty()) {
        return network.getGateway();
      }
    }
    throw new IllegalStateException("the container's networks have no gateway (network mode "
        + getContainerInfo().getHostConfig().getNetworkMode() + "); is it on the host's network?");
  }

  /** The arguments given to the image's entry point, {@code esp-at emulate --tcp 0.0.0.0:3333}. */
  List<String> emulatorArguments() {
    List<String> args = new ArrayList<>();
    if (firmware != null) {
      args.addAll(List.of("--firmware", firmware));
    }
    accessPoints.forEach(ap -> args.addAll(List.of("--ap", ap)));
    resolves.forEach(r -> args.addAll(List.of("--resolve", r)));
    if (unpaced) {
      args.add("--unpaced");
    }
    if (adminToken != null) {
      args.addAll(List.of("--admin", "0.0.0.0:" + ADMIN_PORT, "--admin-token", adminToken));
    }
    args.addAll(extraArguments);
    return args;
  }

  @Override
  protected void configure() {
    addExposedPorts(DEVICE_PORT);
    if (adminToken != null) {
      addExposedPorts(ADMIN_PORT);
    }
    setCommand(emulatorArguments().toArray(String[]::new));
    setWaitStrategy(readiness());
  }

  /** The {@code listening} line of the device's port, and the admin API's when it is on. */
  private WaitStrategy readiness() {
    List<Pattern> lines = adminToken == null
        ? List.of(EmulatorReadiness.DEVICE_LISTENING)
        : List.of(EmulatorReadiness.DEVICE_LISTENING, EmulatorReadiness.ADMIN_LISTENING);
    return new EmulatorReadiness(lines).withStartupTimeout(STARTUP_TIMEOUT);
  }

  /**
   * Starts the container; when the emulator does not start, the exception carries what it printed
   * (a refused option, for example).
   *
   * @throws IllegalStateException when the default image is not in the local Docker engine
   */
  @Override
  public void start() {
    if (isLocalImage()) {
      requireImageBuilt();
    }
    try {
      super.start();
    } catch (ContainerLaunchException e) {
      throw new ContainerLaunchException("the emulator in " + image.asCanonicalNameString()
          + " did not start; it printed:\n" + output.text(), e);
    }
  }

  private boolean isLocalImage() {
    return image.getRegistry().isEmpty() && image.getRepository().equals(DEFAULT_IMAGE_NAME.getRepository());
  }

  private void requireImageBuilt() {
    try {
      DockerClientFactory.lazyClient().inspectImageCmd(image.asCanonicalNameString()).exec();
    } catch (NotFoundException e) {
      throw new IllegalStateException("the image " + image.asCanonicalNameString() + " is not in the Docker engine; "
          + "it is built locally, never pulled: ./mvnw -B -DskipTests -pl testcontainers -am verify "
          + "(or testcontainers/src/main/docker/build-image.sh), see docs/container.md", e);
    }
  }

  private void requireAdmin() {
    if (adminToken == null) {
      throw new IllegalStateException("this container has no admin API (withoutAdmin())");
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  private static void requirePort(int port, String what) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 1..65535, got " + port);
    }
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
