package dev.espat.grammar.response;

import static dev.espat.grammar.Bytes.concat;
import static dev.espat.grammar.Bytes.of;

import dev.espat.grammar.Bytes;
import dev.espat.grammar.ErrorCode;
import dev.espat.grammar.SubCategory;
import dev.espat.grammar.response.ResponseEvent.BodyFrame;
import dev.espat.grammar.response.ResponseEvent.Busy;
import dev.espat.grammar.response.ResponseEvent.DataPrompt;
import dev.espat.grammar.response.ResponseEvent.FinalResult;
import dev.espat.grammar.response.ResponseEvent.InformationLine;
import dev.espat.grammar.response.ResponseEvent.Ready;
import dev.espat.grammar.response.ResponseEvent.TextLine;
import dev.espat.grammar.response.ResponseEvent.UnsolicitedMessage;
import java.util.List;
import java.util.Optional;

/**
 * The device-output table both directions are tested against: what the device's encoder must
 * write, byte for byte, and what the host's decoder must read from those bytes. The emulator and
 * the driver reuse it through this module's test jar.
 */
public final class GoldenVectors {

  /**
   * One element sequence of device output.
   *
   * @param name what it shows
   * @param rules the spec rule ids
   * @param encoded what {@link ResponseEncoder} writes for it
   * @param wire the bytes the spec prescribes, written out
   * @param events what the decoder must read from {@code wire}
   */
  public record Vector(String name, String rules, byte[] encoded, byte[] wire, List<ResponseEvent> events) {
    @Override
    public String toString() {
      return rules + " " + name + ": " + Bytes.show(wire);
    }
  }

  private static final ErrorCode NOT_FOUND = ErrorCode.forHttpStatus(404);

  /** A body holding every byte value twice, and the text of the results it must not end on. */
  public static final byte[] BINARY_BODY = concat(Bytes.allByteValues(), of("\r\nOK\r\n\r\nERROR\r\n>\r\n+HTTPCGET:3,"));

  private GoldenVectors() {}

  public static List<Vector> all() {
    return List.of(
        new Vector("transcript 1: OK", "P-05", ResponseEncoder.result(ResultCode.OK), of("\r\nOK\r\n"),
            List.of(ok())),
        new Vector("transcript 2: echo then OK", "P-04 P-05", concat(of("AT\r\n"), ResponseEncoder.result(ResultCode.OK)),
            of("AT\r\n\r\nOK\r\n"), List.of(new TextLine("AT"), ok())),
        new Vector("transcript 3: unknown command", "P-05 P-27", ResponseEncoder.error(ErrorCode.UNSUPPORTED, false),
            of("\r\nERROR\r\n"), List.of(FinalResult.of(ResultCode.ERROR))),
        new Vector("transcript 4: unknown command with SYSLOG", "P-14 P-15",
            ResponseEncoder.error(ErrorCode.UNSUPPORTED, true), of("ERR CODE:0x01090000\r\n\r\nERROR\r\n"),
            List.of(FinalResult.of(ResultCode.ERROR, ErrorCode.UNSUPPORTED))),
        new Vector("transcript 5: line too long, with SYSLOG", "P-02 P-14",
            ResponseEncoder.error(ErrorCode.of(SubCategory.NO_AT_PREFIX_OR_TOO_LONG, 0), true),
            of("ERR CODE:0x01030000\r\n\r\nERROR\r\n"),
            List.of(FinalResult.of(ResultCode.ERROR, ErrorCode.of(SubCategory.NO_AT_PREFIX_OR_TOO_LONG, 0)))),
        new Vector("transcript 6: parameter 1 out of range", "P-09 P-14",
            ResponseEncoder.error(ErrorCode.of(SubCategory.PARAMETER_PARSE_FAILURE, 1), true),
            of("ERR CODE:0x01080001\r\n\r\nERROR\r\n"),
            List.of(FinalResult.of(ResultCode.ERROR, ErrorCode.of(SubCategory.PARAMETER_PARSE_FAILURE, 1)))),
        new Vector("busy", "P-10", ResponseEncoder.busy(false), of("\r\nbusy p...\r\n"),
            List.of(new Busy("busy p...", Optional.empty()))),
        new Vector("busy with SYSLOG", "P-10 P-14", ResponseEncoder.busy(true),
            of("ERR CODE:0x010b0000\r\n\r\nbusy p...\r\n"), List.of(new Busy("busy p...", Optional.of(ErrorCode.BUSY)))),
        new Vector("ready", "P-05 P-40", ResponseEncoder.ready(), of("\r\nready\r\n"), List.of(new Ready())),
        new Vector("data prompt", "P-05 P-11", ResponseEncoder.dataPrompt(), of("\r\nOK\r\n\r\n>"),
            List.of(ok(), new DataPrompt())),
        new Vector("URL stored", "P-12 P-24", ResponseEncoder.result(ResultCode.SET_OK), of("\r\nSET OK\r\n"),
            List.of(FinalResult.of(ResultCode.SET_OK))),
        new Vector("transcript 9: POST body then SEND OK", "P-12 P-23 P-30",
            concat(ResponseEncoder.frame("HTTPCPOST", of("{\"json\":1}")), ResponseEncoder.result(ResultCode.SEND_OK)),
            of("+HTTPCPOST:10,{\"json\":1}\r\n\r\nSEND OK\r\n"),
            List.of(new BodyFrame("HTTPCPOST", of("{\"json\":1}")), FinalResult.of(ResultCode.SEND_OK))),
        new Vector("POST failed with SYSLOG", "P-12 P-23",
            ResponseEncoder.failure(ResultCode.SEND_FAIL, ErrorCode.HTTP_CONNECTION_FAILED, true),
            of("ERR CODE:0x010a7000\r\n\r\nSEND FAIL\r\n"),
            List.of(FinalResult.of(ResultCode.SEND_FAIL, ErrorCode.HTTP_CONNECTION_FAILED))),
        new Vector("information line then OK", "P-05 P-41",
            concat(ResponseEncoder.informationLine("CWMODE", "1"), ResponseEncoder.result(ResultCode.OK)),
            of("+CWMODE:1\r\n\r\nOK\r\n"), List.of(new InformationLine("CWMODE", "1"), ok())),
        new Vector("transcript 15: Wi-Fi joined", "P-42",
            concat(ResponseEncoder.textLine("WIFI CONNECTED"), ResponseEncoder.textLine("WIFI GOT IP"),
                ResponseEncoder.result(ResultCode.OK)),
            of("WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"),
            List.of(new UnsolicitedMessage("WIFI CONNECTED"), new UnsolicitedMessage("WIFI GOT IP"), ok())),
        new Vector("transcript 15: wrong password", "P-42",
            concat(ResponseEncoder.informationLine("CWJAP", "2"), ResponseEncoder.error(ErrorCode.of(SubCategory.COMMON, 0), false)),
            of("+CWJAP:2\r\n\r\nERROR\r\n"),
            List.of(new InformationLine("CWJAP", "2"), FinalResult.of(ResultCode.ERROR))),
        new Vector("transcript 8: binary body frames then OK", "P-30 P-31",
            concat(ResponseEncoder.frame("HTTPCGET", BINARY_BODY, 0, 300),
                ResponseEncoder.frame("HTTPCGET", BINARY_BODY, 300, BINARY_BODY.length - 300),
                ResponseEncoder.result(ResultCode.OK)),
            concat(of("+HTTPCGET:300,"), java.util.Arrays.copyOfRange(BINARY_BODY, 0, 300), of("\r\n"),
                of("+HTTPCGET:" + (BINARY_BODY.length - 300) + ","),
                java.util.Arrays.copyOfRange(BINARY_BODY, 300, BINARY_BODY.length), of("\r\n\r\nOK\r\n")),
            List.of(new BodyFrame("HTTPCGET", java.util.Arrays.copyOfRange(BINARY_BODY, 0, 300)),
                new BodyFrame("HTTPCGET", java.util.Arrays.copyOfRange(BINARY_BODY, 300, BINARY_BODY.length)), ok())),
        new Vector("empty frame", "P-30", ResponseEncoder.frame("HTTPCGET", new byte[0]), of("+HTTPCGET:0,\r\n"),
            List.of(new BodyFrame("HTTPCGET", new byte[0]))),
        new Vector("transcript 7: HEAD prints each header as a frame", "P-20 P-30",
            concat(ResponseEncoder.frame("HTTPCLIENT", of("Date: Sun, 11 Sep 2022 08:33:33 GMT")),
                ResponseEncoder.frame("HTTPCLIENT", of("Content-Length: 0")), ResponseEncoder.result(ResultCode.OK)),
            of("+HTTPCLIENT:35,Date: Sun, 11 Sep 2022 08:33:33 GMT\r\n+HTTPCLIENT:17,Content-Length: 0\r\n\r\nOK\r\n"),
            List.of(new BodyFrame("HTTPCLIENT", of("Date: Sun, 11 Sep 2022 08:33:33 GMT")),
                new BodyFrame("HTTPCLIENT", of("Content-Length: 0")), ok())),
        new Vector("transcript 12: stored URL query", "P-24 P-30",
            concat(ResponseEncoder.frame("HTTPURLCFG", of("http://h/a?b=1,2&c=\"d\"")), ResponseEncoder.result(ResultCode.OK)),
            of("+HTTPURLCFG:22,http://h/a?b=1,2&c=\"d\"\r\n\r\nOK\r\n"),
            List.of(new BodyFrame("HTTPURLCFG", of("http://h/a?b=1,2&c=\"d\"")), ok())),
        new Vector("transcript 13: stored header query is a line, not a frame", "P-25",
            concat(ResponseEncoder.informationLine("HTTPCHEAD", "0,\"Range: bytes=0-255\""), ResponseEncoder.result(ResultCode.OK)),
            of("+HTTPCHEAD:0,\"Range: bytes=0-255\"\r\n\r\nOK\r\n"),
            List.of(new InformationLine("HTTPCHEAD", "0,\"Range: bytes=0-255\""), ok())),
        new Vector("size probe", "P-21",
            concat(ResponseEncoder.informationLine("HTTPGETSIZE", "5000"), ResponseEncoder.result(ResultCode.OK)),
            of("+HTTPGETSIZE:5000\r\n\r\nOK\r\n"), List.of(new InformationLine("HTTPGETSIZE", "5000"), ok())),
        new Vector("transcript 10: 404 with SYSLOG", "P-16", ResponseEncoder.error(NOT_FOUND, true),
            of("ERR CODE:0x010a7194\r\n\r\nERROR\r\n"), List.of(FinalResult.of(ResultCode.ERROR, NOT_FOUND))),
        new Vector("transcript 11: connection refused with SYSLOG", "P-16 P-43",
            ResponseEncoder.error(ErrorCode.HTTP_CONNECTION_FAILED, true), of("ERR CODE:0x010a7000\r\n\r\nERROR\r\n"),
            List.of(FinalResult.of(ResultCode.ERROR, ErrorCode.HTTP_CONNECTION_FAILED))),
        new Vector("body of a 404 before its ERROR", "P-17",
            concat(ResponseEncoder.frame("HTTPCGET", of("not found")), ResponseEncoder.error(NOT_FOUND, true)),
            of("+HTTPCGET:9,not found\r\nERR CODE:0x010a7194\r\n\r\nERROR\r\n"),
            List.of(new BodyFrame("HTTPCGET", of("not found")), FinalResult.of(ResultCode.ERROR, NOT_FOUND))),
        new Vector("version lines", "P-40 P-45",
            concat(ResponseEncoder.textLine("AT version:4.1.0.0(ce3c7e2 - ESP32 - Jun  6 2024 11:14:02)"),
                ResponseEncoder.textLine("Bin version:v4.1.0.0(WROOM-32)"), ResponseEncoder.result(ResultCode.OK)),
            of("AT version:4.1.0.0(ce3c7e2 - ESP32 - Jun  6 2024 11:14:02)\r\nBin version:v4.1.0.0(WROOM-32)\r\n\r\nOK\r\n"),
            List.of(new TextLine("AT version:4.1.0.0(ce3c7e2 - ESP32 - Jun  6 2024 11:14:02)"),
                new TextLine("Bin version:v4.1.0.0(WROOM-32)"), ok())));
  }

  private static FinalResult ok() {
    return FinalResult.of(ResultCode.OK);
  }
}
