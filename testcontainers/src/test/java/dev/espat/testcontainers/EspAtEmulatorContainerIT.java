package dev.espat.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.driver.EspAt;
import dev.espat.driver.FirmwareVersion;
import dev.espat.driver.WifiJoinException;
import dev.espat.driver.WifiStatus;
import dev.espat.driver.http.HttpRequest;
import dev.espat.driver.http.HttpResponse;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The container as a test uses it: the driver over {@link EspAtEmulatorContainer#getSocketUrl()},
 * Wi-Fi with a known access point, and HTTP from the device in the container to a server on this
 * machine, by {@code --resolve} to {@link EspAtEmulatorContainer#HOST_ALIAS} and by the gateway
 * address; the admin API's token; a start that fails. Skipped, saying so, where no Docker engine
 * answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class EspAtEmulatorContainerIT {
  private static final String AP = "espressif";
  private static final String PASSWORD = "1234567890";
  private static final int SIZE = 20_000;

  /** Started first: the container's --resolve names its port. */
  private static final HostWebServer web = new HostWebServer();

  // No admin API: these checks do not need it (theAdminApiAnswersWithTheTokenOnly has its own container).
  @Container
  private static final EspAtEmulatorContainer esp = new EspAtEmulatorContainer()
      .withFirmware("3.1")
      .withAccessPoint(AP, PASSWORD)
      .withResolve("api.example.com", 80, EspAtEmulatorContainer.HOST_ALIAS + ":" + web.port())
      .withUnpaced()
      .withoutAdmin();

  /** One host connection for the class, as a board has one UART. */
  private static EspAt device;

  @BeforeAll
  static void openDevice() {
    assertThat(esp.getSocketUrl()).matches("socket://[^:]+:\\d+");
    device = EspAt.open(esp.getSocketUrl());
  }

  @AfterAll
  static void close() {
    if (device != null) {
      device.close();
    }
    web.close();
  }

  @Test
  void theDriverHandshakesWithTheFirmwareAskedFor() {
    assertThat(device.firmware().version()).isEqualTo(FirmwareVersion.parse("3.1.0.0"));
  }

  /** P-42: only the access point given with withAccessPoint joins, with its password. */
  @Test
  void onlyTheAccessPointGivenJoins() {
    assertThatThrownBy(() -> device.wifi().join(AP, "hunter2")).isInstanceOf(WifiJoinException.WrongPassword.class);
    assertThatThrownBy(() -> device.wifi().join("other", PASSWORD)).isInstanceOf(WifiJoinException.AccessPointNotFound.class);
    device.wifi().join(AP, PASSWORD);
    assertThat(device.wifi().status().state()).isEqualTo(WifiStatus.State.GOT_IP);
  }

  /** P-22: a binary body, byte-exact, from this machine through --resolve; the Host header stays the public name. */
  @Test
  void getThroughResolveReachesThisMachine() throws Exception {
    HttpResponse<byte[]> r = joinedGet(URI.create("http://api.example.com/bytes/" + SIZE));
    assertThat(r.body()).isEqualTo(HostWebServer.bytes(SIZE));
    HostWebServer.Call call = web.take();
    assertThat(call.method()).isEqualTo("GET");
    assertThat(call.target()).isEqualTo("/bytes/" + SIZE);
    assertThat(call.host()).isEqualTo("api.example.com");
    assertThat(call.from()).as("the request came from the container, not from this machine").isNotEqualTo("127.0.0.1");
  }

  /** The gateway address reaches a server bound to 0.0.0.0 here: what a test gives the device as a URL. */
  @Test
  void getFromTheGatewayAddressReachesThisMachine() throws Exception {
    URI uri = URI.create("http://" + esp.getHostGatewayAddress() + ":" + web.port() + "/bytes/100");
    assertThat(joinedGet(uri).body()).isEqualTo(HostWebServer.bytes(100));
    assertThat(web.take().host()).isEqualTo(esp.getHostGatewayAddress() + ":" + web.port());
  }

  /**
   * The admin API, on by default with a random token: {@code GET /api/devices} with the token lists
   * the device, without it or with another it is 401. Needs the emulator's {@code --admin}.
   */
  @Test
  void theAdminApiAnswersWithTheTokenOnly() throws Exception {
    try (EspAtEmulatorContainer withAdmin = new EspAtEmulatorContainer().withUnpaced();
         java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      withAdmin.start();
      assertThat(withAdmin.getAdminUrl()).matches("http://[^:]+:\\d+/");
      URI devices = URI.create(withAdmin.getAdminUrl() + "api/devices");

      var listed = http.send(java.net.http.HttpRequest.newBuilder(devices)
          .header("Authorization", "Bearer " + withAdmin.getAdminToken()).build(), BodyHandlers.ofString());
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      assertThat(listed.body()).contains("dev0");

      assertThat(http.send(java.net.http.HttpRequest.newBuilder(devices).build(), BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);
      assertThat(http.send(java.net.http.HttpRequest.newBuilder(devices).header("Authorization", "Bearer wrong").build(),
          BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }
  }

  /** A container whose emulator refuses its options fails to start, and says what the emulator printed. */
  @Test
  void aRefusedOptionIsInTheStartFailure() {
    try (EspAtEmulatorContainer bad = new EspAtEmulatorContainer().withFirmware("9.9").withoutAdmin()) {
      assertThatThrownBy(bad::start).isInstanceOf(ContainerLaunchException.class)
          .hasMessageContaining("unknown firmware '9.9'; known: 2.2, 3.0, 3.1, 4.1");
      assertThat(bad.isRunning()).isFalse();
    }
  }

  private static HttpResponse<byte[]> joinedGet(URI uri) {
    device.wifi().join(AP, PASSWORD); // HTTP needs an IP (P-43)
    return device.http().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build());
  }
}
