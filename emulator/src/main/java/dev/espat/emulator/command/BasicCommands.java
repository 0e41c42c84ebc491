package dev.espat.emulator.command;

import static dev.espat.grammar.CommandType.EXECUTE;
import static dev.espat.grammar.CommandType.QUERY;
import static dev.espat.grammar.CommandType.SET;

import dev.espat.emulator.device.CommandFamily;
import dev.espat.emulator.device.CommandSpec;
import dev.espat.emulator.device.Device;
import dev.espat.emulator.device.Exchange;
import dev.espat.emulator.device.UartConfig;
import dev.espat.grammar.AtCommand;
import java.util.List;

/**
 * Basic and system commands (P-40, P-44, P-45): AT, ATE0/ATE1, AT+RST, AT+RESTORE, AT+GMR,
 * AT+SYSLOG, AT+SYSSTORE, AT+UART_CUR, AT+UART_DEF, AT+SLEEP, AT+SYSMSG.
 */
public final class BasicCommands implements CommandFamily {

  /** Settings in flash: survive AT+RST, cleared by AT+RESTORE. */
  static final class Flash {
    boolean sysstore = true;
    UartConfig uart;

    Flash(int factoryBaud) {
      uart = new UartConfig(factoryBaud, 8, 1, 0, 0);
    }
  }

  /** Settings in RAM. */
  static final class Ram {
    UartConfig uart;
    int sleep = 1;
    int sysmsg;
  }

  @Override
  public List<CommandSpec> commands() {
    return List.of(
        CommandSpec.named("").on(EXECUTE, (cmd, ex) -> ex.ok()),
        CommandSpec.named("E0").on(EXECUTE, (cmd, ex) -> setEcho(ex, false)),
        CommandSpec.named("E1").on(EXECUTE, (cmd, ex) -> setEcho(ex, true)),
        CommandSpec.named("+RST").on(EXECUTE, (cmd, ex) -> reboot(ex, false)),
        CommandSpec.named("+RESTORE").on(EXECUTE, (cmd, ex) -> reboot(ex, true)),
        CommandSpec.named("+GMR").on(EXECUTE, BasicCommands::versions),
        CommandSpec.named("+SYSLOG")
            .on(QUERY, (cmd, ex) -> answer(ex, "SYSLOG", ex.state().syslog() ? "1" : "0"))
            .on(SET, (cmd, ex) -> {
              cmd.requireParameterCount(1, 1);
              ex.state().setSyslog(cmd.integer(1, 0, 1) == 1);
              ex.ok();
            }),
        CommandSpec.named("+SYSSTORE")
            .on(QUERY, (cmd, ex) -> answer(ex, "SYSSTORE", flash(ex).sysstore ? "1" : "0"))
            .on(SET, (cmd, ex) -> {
              cmd.requireParameterCount(1, 1);
              flash(ex).sysstore = cmd.integer(1, 0, 1) == 1;
              ex.ok();
            }),
        CommandSpec.named("+UART_CUR")
            .on(QUERY, (cmd, ex) -> answer(ex, "UART_CUR", uart(ex).fields()))
            .on(SET, (cmd, ex) -> setUart(cmd, ex, false)),
        CommandSpec.named("+UART_DEF")
            .on(QUERY, (cmd, ex) -> answer(ex, "UART_DEF", flash(ex).uart.fields()))
            .on(SET, (cmd, ex) -> setUart(cmd, ex, true)),
        CommandSpec.named("+SLEEP")
            .on(QUERY, (cmd, ex) -> answer(ex, "SLEEP", Integer.toString(ram(ex).sleep)))
            .on(SET, (cmd, ex) -> {
              cmd.requireParameterCount(1, 1);
              ram(ex).sleep = cmd.integer(1, 0, 3);
              ex.ok();
            }),
        CommandSpec.named("+SYSMSG")
            .on(QUERY, (cmd, ex) -> answer(ex, "SYSMSG", Integer.toString(ram(ex).sysmsg)))
            .on(SET, (cmd, ex) -> {
              cmd.requireParameterCount(1, 1);
              ram(ex).sysmsg = cmd.integer(1, 0, 7);
              ex.ok();
            }));
  }

  /** After boot the UART runs at the stored rate again (AT+UART_CUR does not survive a reset). */
  @Override
  public void onBoot(Device.BootContext context) {
    UartConfig stored = context.state().flash(Flash.class, () -> new Flash(context.options().baudRate())).uart;
    context.link().changeBaudRate(stored.baud());
  }

  private static Flash flash(Exchange ex) {
    return ex.flash(Flash.class, () -> new Flash(ex.options().baudRate()));
  }

  private static Ram ram(Exchange ex) {
    return ex.ram(Ram.class, Ram::new);
  }

  private static UartConfig uart(Exchange ex) {
    Ram ram = ram(ex);
    if (ram.uart == null) {
      ram.uart = flash(ex).uart;
    }
    return ram.uart;
  }

  /** Whether settings that the firmware may store go to flash (AT+SYSSTORE, P-45). */
  static boolean storeSettings(Exchange ex) {
    return flash(ex).sysstore;
  }

  private static void answer(Exchange ex, String name, String value) {
    ex.information(name, value);
    ex.ok();
  }

  private static void setEcho(Exchange ex, boolean on) {
    ex.state().setEcho(on);
    ex.ok();
  }

  private static void reboot(Exchange ex, boolean factory) {
    ex.ok();
    ex.reboot(factory);
  }

  private static void versions(AtCommand cmd, Exchange ex) {
    ex.firmware().versionLines().forEach(ex::text);
    ex.ok();
  }

  /** P-44: OK at the old rate, then the switch. UART_DEF also persists. */
  private static void setUart(AtCommand cmd, Exchange ex, boolean persist) {
    cmd.requireParameterCount(5, 5);
    UartConfig config = new UartConfig(
        cmd.integer(1, 80, 5_000_000), cmd.integer(2, 5, 8), cmd.integer(3, 1, 3), cmd.integer(4, 0, 2),
        cmd.integer(5, 0, 3));
    ram(ex).uart = config;
    if (persist) {
      flash(ex).uart = config;
    }
    ex.ok();
    ex.link().changeBaudRate(config.baud());
  }
}
