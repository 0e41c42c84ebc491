package dev.espat.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.espat.emulator.EspAtEmulator;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.response.ResponseEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Wi-Fi join, leave and status (P-41, P-42), the four typed join failures, and listeners. */
class WifiIT {
  @TempDir Path dir;

  private EspAtEmulator.Builder emulator() {
    return EspAtEmulator.builder().unpaced().accessPoint("espressif", "1234567890");
  }

  /** P-42 transcript 15; AT+CWSTATE? before and after; AT+CWQAP's WIFI DISCONNECT reaches listeners. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(PortKind.class)
  void joinStatusLeave(PortKind kind) throws Exception {
    try (EspAtEmulator emu = kind.configure(emulator(), dir).start(); EspAt esp = kind.builder(emu).open()) {
      BlockingQueue<String> heard = new LinkedBlockingQueue<>();
      esp.addListener(e -> {
        if (e instanceof ResponseEvent.UnsolicitedMessage m) {
          heard.add(m.text() + " on " + Thread.currentThread().getName());
        }
      });
      assertThat(esp.wifi().status().hasIp()).isFalse();

      Response joined = esp.wifi().join("espressif", "1234567890");
      assertThat(joined.unsolicited()).containsExactly("WIFI CONNECTED", "WIFI GOT IP");
      WifiStatus status = esp.wifi().status();
      assertThat(status.state()).isEqualTo(WifiStatus.State.GOT_IP);
      assertThat(status.ssid()).contains("espressif");

      assertThat(esp.wifi().leave().unsolicited()).containsExactly("WIFI DISCONNECT");
      assertThat(esp.wifi().status().state()).isEqualTo(WifiStatus.State.DISCONNECTED);

      List<String> events = List.of(poll(heard), poll(heard), poll(heard));
      assertThat(events).map(s -> s.substring(0, s.indexOf(" on ")))
          .containsExactly("WIFI CONNECTED", "WIFI GOT IP", "WIFI DISCONNECT");
      // Listeners run on the event thread, never on the reader thread.
      assertThat(events).allSatisfy(s -> assertThat(s).contains("on esp-at-events-"));
    }
  }

  private static String poll(BlockingQueue<String> q) throws InterruptedException {
    String s = q.poll(5, TimeUnit.SECONDS);
    assertThat(s).as("a listener event within 5 s").isNotNull();
    return s;
  }

  /** P-42: +CWJAP:2 with SYSLOG's code (P-14) becomes WifiJoinException.WrongPassword. */
  @Test
  void wrongPassword() {
    try (EspAtEmulator emu = emulator().start(); EspAt esp = PortKind.IN_MEMORY.builder(emu).open()) {
      assertThatThrownBy(() -> esp.wifi().join("espressif", "hunter2"))
          .isInstanceOfSatisfying(WifiJoinException.WrongPassword.class, e -> {
            assertThat(e.reasonCode()).isEqualTo(2);
            assertThat(e.errorCode()).map(ErrorCode::subCategoryCode).contains(0x0A);
            assertThat(e.command()).isEqualTo("AT+CWJAP=\"espressif\",\"***\"");
          })
          .message().doesNotContain("hunter2");
    }
  }

  /** P-42: +CWJAP:3 for an SSID the air does not carry. */
  @Test
  void accessPointNotFound() {
    try (EspAtEmulator emu = emulator().start(); EspAt esp = PortKind.IN_MEMORY.builder(emu).open()) {
      assertThatThrownBy(() -> esp.wifi().join("elsewhere", "1234567890"))
          .isInstanceOf(WifiJoinException.AccessPointNotFound.class);
    }
  }

  /** P-42, P-51: a join slower than its jap_timeout ends in +CWJAP:1. */
  @Test
  void joinTimeout() {
    try (EspAtEmulator emu = emulator().joinDelay(Duration.ofSeconds(4)).start();
         EspAt esp = PortKind.IN_MEMORY.builder(emu).open()) {
      assertThatThrownBy(() -> esp.wifi().join("espressif", "1234567890", Duration.ofSeconds(3)))
          .isInstanceOf(WifiJoinException.Timeout.class);
    }
  }

  /** P-42 code 4, which the emulator never produces: a scripted peer answers it. */
  @Test
  void connectionFailed() throws Exception {
    try (ScriptedDevice device = new ScriptedDevice(ScriptedDevice.afterHandshake(
            line -> line.startsWith("AT+CWJAP=") ? "+CWJAP:4\r\nERR CODE:0x010a0000\r\n\r\nERROR\r\n" : null));
         EspAt esp = EspAt.open(device.url())) {
      assertThatThrownBy(() -> esp.wifi().join("espressif", "1234567890"))
          .isInstanceOfSatisfying(WifiJoinException.ConnectionFailed.class,
              e -> assertThat(e.getMessage()).contains("+CWJAP:4", "0x010a0000"));
    }
  }
}
