package dev.espat.emulator;

import dev.espat.emulator.admin.AdminServer;
import dev.espat.emulator.command.HttpCommands;
import dev.espat.emulator.command.StandardFamilies;
import dev.espat.emulator.device.AccessPoint;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.DeviceOptions;
import dev.espat.emulator.fault.Faults;
import dev.espat.emulator.firmware.FirmwareProfile;
import dev.espat.emulator.http.HttpEngine;
import dev.espat.emulator.http.HttpOptions;
import dev.espat.emulator.http.RequestLog;
import dev.espat.emulator.port.DevicePort;
import dev.espat.emulator.port.InMemoryConnection;
import dev.espat.emulator.port.Pacing;
import dev.espat.emulator.port.PtyPort;
import dev.espat.emulator.port.SerialPort;
import dev.espat.emulator.port.StdioPort;
import dev.espat.emulator.port.TcpPort;
import dev.espat.emulator.trace.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Emulated ESP32s running ESP-AT, started in one line inside a test or a program, in the manner
 * of OkHttp's MockWebServer.
 *
 * <pre>{@code
 * try (EspAtEmulator esp = EspAtEmulator.builder().unpaced().accessPoint("home", "pw").start();
 *      InMemoryConnection host = esp.connect()) {
 *   host.output().write("AT+CWJAP=\"home\",\"pw\"\r\n".getBytes(US_ASCII));
 *   // read WIFI CONNECTED, WIFI GOT IP, OK from host.input()
 * }
 *
 * EspAtEmulator esp = EspAtEmulator.builder().tcp("127.0.0.1", 0).devices(2).start();
 * esp.devices().get(1).tcpAddress();   // where the second device listens
 *
 * EspAtEmulator esp = EspAtEmulator.builder().pty(null).devices(2).start();
 * esp.devices().get(1).ptyPath();      // /tmp/ttyESP1, for any program that opens serial ports
 *
 * EspAtEmulator esp = EspAtEmulator.builder().admin("127.0.0.1", 0).start();
 * esp.adminUrl();                      // Optional[http://127.0.0.1:41234/]: docs/admin-api.md
 * esp.device().faults().inject(new Fault.Busy(3));   // the same, in process
 * }</pre>
 */
public final class EspAtEmulator implements AutoCloseable {
  private final List<EmulatedDevice> devices;
  private final Trace trace;
  private final HttpEngine http;
  private AdminServer admin;

  private EspAtEmulator(List<EmulatedDevice> devices, Trace trace, HttpEngine http) {
    this.devices = List.copyOf(devices);
    this.trace = trace;
    this.http = http;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One device, newest firmware, paced at 115200 baud, reachable through {@link #connect()}. */
  public static EspAtEmulator start() {
    return builder().start();
  }

  public List<EmulatedDevice> devices() {
    return devices;
  }

  /** The first device. */
  public EmulatedDevice device() {
    return devices.getFirst();
  }

  /** An in-JVM host connection to the first device. */
  public InMemoryConnection connect() {
    return device().connect();
  }

  /** What crossed every device's UART, secrets masked. */
  public Trace trace() {
    return trace;
  }

  /** The admin API's base URL, {@code http://127.0.0.1:8080/}, when it was asked for. */
  public Optional<URI> adminUrl() {
    return Optional.ofNullable(admin).map(AdminServer::url);
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close();
    }
    devices.forEach(EmulatedDevice::close);
    http.close();
    trace.close();
  }

  /** Configures an emulator; every setting has a default. */
  public static final class Builder {
    private DeviceOptions options = DeviceOptions.defaults();
    private final List<AccessPoint> accessPoints = new ArrayList<>();
    private boolean paced = true;
    private int devices = 1;
    private InetSocketAddress tcp;
    private boolean pty;
    private Path ptyPath;
    private final List<SerialLine> serialLines = new ArrayList<>();
    private boolean stdio;
    private Path traceFile;
    private Clock clock = Clock.systemUTC();
    private final Map<String, InetSocketAddress> resolves = new HashMap<>();
    private boolean followRedirects;
    private final List<Path> caCertificates = new ArrayList<>();
    private final List<HttpOptions.ClientCertificate> clientCertificates = new ArrayList<>();
    private InetSocketAddress admin;
    private String adminToken;

    private Builder() {}

    /** {@code 2.2}, {@code 3.0}, {@code 3.1} or {@code 4.1} (the default). */
    public Builder firmware(String version) {
      return firmware(FirmwareProfile.named(version));
    }

    public Builder firmware(FirmwareProfile profile) {
      options = options.withFirmware(profile);
      return this;
    }

    /** Adds a network; once any is added, only these join (P-42). */
    public Builder accessPoint(String ssid, String password) {
      accessPoints.add(new AccessPoint(ssid, password));
      return this;
    }

    public Builder joinDelay(Duration delay) {
      options = options.withJoinDelay(delay);
      return this;
    }

    public Builder bootDelay(Duration delay) {
      options = options.withBootDelay(delay);
      return this;
    }

    /** Leaves data mode when the host stops sending for this long (an extension, P-13). */
    public Builder dataModeTimeout(Duration timeout) {
      options = options.withDataModeTimeout(timeout);
      return this;
    }

    /** The UART's rate, 115200 by default (P-50). */
    public Builder baudRate(int baud) {
      options = options.withBaudRate(baud);
      return this;
    }

    /** No pacing: output as fast as the port takes it (P-53). */
    public Builder unpaced() {
      paced = false;
      return this;
    }

    public Builder devices(int count) {
      if (count < 1 || count > 64) {
        throw new IllegalArgumentException("devices must be 1..64, got " + count);
      }
      devices = count;
      return this;
    }

    /** Each device on a TCP port from {@code port} on (0: free ports). */
    public Builder tcp(String host, int port) {
      tcp = new InetSocketAddress(host, port);
      return this;
    }

    /**
     * Each device on a pty (Linux, macOS) behind a stable symbolic link: {@code symlink} for the
     * first device and the same name counted up for the next ({@code ttyESP0}, {@code ttyESP1},
     * ...); null for {@code <java.io.tmpdir>/ttyESP0}, {@code ttyESP1}, ...
     */
    public Builder pty(Path symlinkOrNull) {
      pty = true;
      ptyPath = symlinkOrNull;
      return this;
    }

    /**
     * The next device (the first, then the second on a second call...) on a real serial port at
     * {@code baud}, 8N1: a hardware-in-the-loop rig. The device's UART rate is {@code baud} too.
     */
    public Builder serial(String device, int baud) {
      serialLines.add(new SerialLine(device, baud));
      return this;
    }

    /** The first device on this process's standard input and output; end of input is the host leaving. */
    public Builder stdio() {
      stdio = true;
      return this;
    }

    /** Also append the trace to this file. */
    public Builder trace(Path file) {
      traceFile = file;
      return this;
    }

    /**
     * Sends the HTTP requests the firmware makes for {@code host:port} to {@code address:toPort}
     * instead, like curl's {@code --resolve}; the Host header still names {@code host}. Repeatable;
     * names not mapped resolve through the machine's DNS.
     *
     * <pre>{@code
     * builder.resolve("example.com", 80, "127.0.0.1", wireMock.port())
     * }</pre>
     */
    public Builder resolve(String host, int port, String address, int toPort) {
      resolves.put(HttpOptions.resolveKey(host, port), new InetSocketAddress(address, toPort));
      return this;
    }

    /**
     * Follows up to 10 HTTP redirects, as observed firmware does; the default, as documented, is
     * not to follow them and print the 3xx body (P-20).
     */
    public Builder followRedirects(boolean follow) {
      followRedirects = follow;
      return this;
    }

    /**
     * Adds a CA certificate (PEM) for AT+HTTPCFG modes 2 and 3 (P-26); the first added is
     * {@code ca_number} 0, the next 1, and so on.
     */
    public Builder caCertificate(Path pem) {
      caCertificates.add(pem);
      return this;
    }

    /**
     * Adds a client certificate and its PKCS#8 key (PEM) for AT+HTTPCFG modes 1 and 3 (P-26); the
     * first added is {@code pki_number} 0, the next 1, and so on.
     */
    public Builder clientCertificate(Path certificate, Path key) {
      clientCertificates.add(new HttpOptions.ClientCertificate(certificate, key));
      return this;
    }

    /**
     * Serves the admin API (HTTP and JSON: list devices, inject faults, read the trace; see
     * docs/admin-api.md) on {@code host:port}, port 0 for a free one. Off unless asked. A host
     * that is not a loopback address needs an {@link #adminToken}.
     */
    public Builder admin(String host, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("admin port must be 0..65535, got " + port);
      }
      admin = InetSocketAddress.createUnresolved(host, port);
      return this;
    }

    /**
     * Makes every admin request but {@code GET /api/health} need {@code Authorization: Bearer
     * <token>}; null for none.
     *
     * @throws IllegalArgumentException when the token is empty, longer than
     *     {@value AdminServer#MAX_TOKEN_LENGTH} characters or not visible ASCII (the message does
     *     not show it)
     */
    public Builder adminToken(String token) {
      AdminServer.checkToken(token);
      adminToken = token;
      return this;
    }

    public Builder clock(Clock c) {
      clock = c;
      options = options.withClock(c);
      return this;
    }

    /**
     * Creates the devices, binds their ports and powers them on.
     *
     * @throws UncheckedIOException naming the address, link or device when a port cannot be
     *     bound or opened
     * @throws IllegalArgumentException when there are more serial ports than devices, or the
     *     admin API would listen on an address that is not loopback without a token
     */
    public EspAtEmulator start() {
      if (serialLines.size() > devices) {
        throw new IllegalArgumentException(serialLines.size() + " serial ports for " + devices
            + " devices; a serial port serves one device");
      }
      InetSocketAddress adminBind = admin == null ? null : resolveAdmin();
      DeviceOptions deviceOptions = options.withAccessPoints(accessPoints);
      Trace trace = new Trace(clock, Optional.ofNullable(traceFile));
      HttpEngine http = new HttpEngine(new HttpOptions(resolves, followRedirects, caCertificates, clientCertificates));
      List<EmulatedDevice> started = new ArrayList<>();
      try {
        for (int i = 0; i < devices; i++) {
          SerialLine serial = i < serialLines.size() ? serialLines.get(i) : null;
          DeviceOptions o = serial == null ? deviceOptions : deviceOptions.withBaudRate(serial.baud());
          RequestLog requests = new RequestLog();
          String name = "dev" + i;
          Faults faults = new Faults(name, trace);
          Device device = new Device(name, o,
              StandardFamilies.all(new HttpCommands(http, requests, faults.httpHooks())), trace, faults.deviceHooks());
          EmulatedDevice emulated = new EmulatedDevice(i, device, pacing(o), requests, faults);
          started.add(emulated);
          addPorts(emulated, i, o);
        }
      } catch (IOException e) {
        started.forEach(EmulatedDevice::close);
        http.close();
        trace.close();
        throw new UncheckedIOException(e.getMessage(), e);
      }
      // Ports first: a host that is there from the start (stdio, a serial line) sees the boot's ready.
      for (EmulatedDevice d : started) {
        d.ports().forEach(DevicePort::start);
        d.device().powerOn();
      }
      EspAtEmulator emulator = new EspAtEmulator(started, trace, http);
      if (adminBind != null) {
        try {
          emulator.admin = AdminServer.start(adminBind, Optional.ofNullable(adminToken), emulator.devices(), trace);
        } catch (IOException e) {
          emulator.close();
          throw new UncheckedIOException(e.getMessage(), e);
        }
      }
      return emulator;
    }

    /** The admin address, refused when it is not loopback and no token guards it. */
    private InetSocketAddress resolveAdmin() {
      InetAddress address;
      try {
        address = InetAddress.getByName(admin.getHostString());
      } catch (UnknownHostException e) {
        throw new UncheckedIOException("cannot listen on " + admin.getHostString() + ":" + admin.getPort()
            + " for the admin API: unknown host", e);
      }
      if (!address.isLoopbackAddress() && adminToken == null) {
        throw new IllegalArgumentException("the admin API would listen on " + admin.getHostString() + ":" + admin.getPort()
            + ", which is not a loopback address: anyone who reaches it could reset the devices; "
            + "set an admin token (--admin-token, ESP_AT_ADMIN_TOKEN or adminToken(...)) or listen on 127.0.0.1");
      }
      return new InetSocketAddress(address, admin.getPort());
    }

    private void addPorts(EmulatedDevice emulated, int index, DeviceOptions o) throws IOException {
      Device device = emulated.device();
      if (tcp != null) {
        int port = tcp.getPort() == 0 ? 0 : tcp.getPort() + index;
        emulated.add(new TcpPort(device, new InetSocketAddress(tcp.getHostString(), port), pacing(o)));
      }
      if (pty) {
        Path link = ptyPath == null ? PtyPort.defaultPath(index) : PtyPort.numberedPath(ptyPath, index);
        emulated.add(new PtyPort(device, link, pacing(o)));
      }
      if (index < serialLines.size()) {
        SerialLine line = serialLines.get(index);
        emulated.add(new SerialPort(device, line.device(), line.baud(), pacing(o)));
      }
      if (stdio && index == 0) {
        emulated.add(StdioPort.system(device, pacing(o)));
      }
    }

    private Pacing pacing(DeviceOptions o) {
      return paced ? Pacing.at(o.baudRate()) : Pacing.unpaced();
    }

    private record SerialLine(String device, int baud) {}
  }
}
