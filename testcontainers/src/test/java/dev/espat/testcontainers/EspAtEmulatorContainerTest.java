package dev.espat.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** What the fluent configuration turns into on the emulator's command line; needs no Docker. */
class EspAtEmulatorContainerTest {

  @Test
  void theDefaultImageIsTheOneThisVersionBuilds() {
    assertThat(EspAtEmulatorContainer.DEFAULT_TAG).isEqualTo(System.getProperty("esp.project.version"));
    try (EspAtEmulatorContainer esp = new EspAtEmulatorContainer()) {
      assertThat(esp.getDockerImageName()).isEqualTo("esp-at-emulator:" + EspAtEmulatorContainer.DEFAULT_TAG);
    }
  }

  @Test
  void optionsBecomeEmulateArgumentsInOrder() {
    try (EspAtEmulatorContainer esp = new EspAtEmulatorContainer()
        .withFirmware(" 3.1 ")
        .withAccessPoint("espressif", "pass:with:colons")
        .withAccessPoint("guest", "")
        .withResolve("api.example.com", 80, EspAtEmulatorContainer.HOST_ALIAS + ":8080")
        .withUnpaced()
        .withAdminToken("s3cret")
        .withEmulatorArguments("--join-delay", "2s")) {
      assertThat(esp.emulatorArguments()).containsExactly(
          "--firmware", "3.1",
          "--ap", "espressif:pass:with:colons",
          "--ap", "guest:",
          "--resolve", "api.example.com:80:host.docker.internal:8080",
          "--unpaced",
          "--admin", "0.0.0.0:8080", "--admin-token", "s3cret",
          "--join-delay", "2s");
      assertThat(esp.getAdminToken()).isEqualTo("s3cret");
    }
  }

  /** The admin API binds every address inside the container, which the emulator allows only with a token. */
  @Test
  void theAdminApiIsOnWithARandomTokenUnlessTurnedOff() {
    try (EspAtEmulatorContainer a = new EspAtEmulatorContainer(); EspAtEmulatorContainer b = new EspAtEmulatorContainer()) {
      assertThat(a.getAdminToken()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(b.getAdminToken());
      assertThat(a.emulatorArguments()).containsSubsequence("--admin", "0.0.0.0:8080", "--admin-token", a.getAdminToken());
    }
    try (EspAtEmulatorContainer esp = new EspAtEmulatorContainer().withoutAdmin()) {
      assertThat(esp.emulatorArguments()).isEmpty();
      assertThatThrownBy(esp::getAdminToken).isInstanceOf(IllegalStateException.class).hasMessageContaining("withoutAdmin()");
    }
  }

  @Test
  void badValuesAreRefusedNamingThem() {
    try (EspAtEmulatorContainer esp = new EspAtEmulatorContainer()) {
      assertThatThrownBy(() -> esp.withAccessPoint("a:b", "pw"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a:b'");
      assertThatThrownBy(() -> esp.withAccessPoint(" ", "pw")).hasMessageContaining("SSID");
      assertThatThrownBy(() -> esp.withResolve("h", 80, "10.0.0.1")).hasMessageContaining("'10.0.0.1' is not ADDRESS:PORT");
      assertThatThrownBy(() -> esp.withResolve("h", 0, "10.0.0.1:80")).hasMessageContaining("port of h must be 1..65535, got 0");
      assertThatThrownBy(() -> esp.withResolve("h", 80, "x:70000")).hasMessageContaining("port of x:70000");
      assertThatThrownBy(() -> esp.withFirmware("")).hasMessageContaining("firmware version");
      assertThatThrownBy(() -> esp.withAdminToken(null)).hasMessageContaining("admin token");
    }
  }

  @Test
  void otherImagesMustBeDeclaredCompatible() {
    assertThatThrownBy(() -> new EspAtEmulatorContainer("alpine:3")).isInstanceOf(IllegalStateException.class);
    DockerImageName mirrored = DockerImageName.parse("registry.example.com/esp-at-emulator:1.0").asCompatibleSubstituteFor("esp-at-emulator");
    try (EspAtEmulatorContainer esp = new EspAtEmulatorContainer(mirrored).withUnpaced()) {
      assertThat(esp.emulatorArguments()).contains("--unpaced");
    }
  }
}
