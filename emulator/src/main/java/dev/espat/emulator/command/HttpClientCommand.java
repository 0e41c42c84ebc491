package dev.espat.emulator.command;

import dev.espat.emulator.device.Exchange;
import dev.espat.emulator.http.OutgoingRequest;
import dev.espat.grammar.AtCommand;
import dev.espat.grammar.ParameterException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Reads AT+HTTPCLIENT (P-20) into the request it sends:
 * {@code AT+HTTPCLIENT=<opt>,<content-type>,<"url">,[<"host">],[<"path">],<transport_type>[,<"data">][,<"header">]...}.
 *
 * <pre>{@code
 * AT+HTTPCLIENT=2,0,"http://example.com/get",,,1          GET
 * AT+HTTPCLIENT=3,1,"",,,1,"{\"a\":1}","X-Id: 7"          POST to the AT+HTTPURLCFG URL
 * AT+HTTPCLIENT=1,0,"","example.com","/get",2              HEAD https://example.com/get
 * }</pre>
 */
final class HttpClientCommand {
  /** opt 1..5 (P-20). */
  private static final List<String> METHODS = List.of("HEAD", "GET", "POST", "PUT", "DELETE");

  /** content-type 0..3 (P-20). */
  private static final List<String> CONTENT_TYPES =
      List.of("application/x-www-form-urlencoded", "application/json", "multipart/form-data", "text/xml");

  private static final int POST = 3;
  private static final int PUT = 4;
  private static final int DELETE = 5;
  private static final int FIRST_EXTRA_FIELD = 7;

  private HttpClientCommand() {}

  /**
   * The request, every parameter checked in order.
   *
   * @throws ParameterException naming the first parameter that is wrong (P-09)
   */
  static OutgoingRequest request(AtCommand cmd, Exchange ex) {
    cmd.requireParameterCount(6, Integer.MAX_VALUE);
    int opt = cmd.integer(1, 1, METHODS.size());
    int contentType = cmd.integer(2, 0, CONTENT_TYPES.size() - 1);
    Optional<URI> url = HttpUrl.of(cmd, 3, ex);
    String host = cmd.optionalString(4).orElse("");
    String path = cmd.optionalString(5).orElse("");
    // Only range-checked when a URL is given: its scheme decides TLS (P-20).
    int transport = cmd.integer(6, 1, 2);
    byte[] body = null;
    int headersFrom = FIRST_EXTRA_FIELD;
    if (opt == POST) {
      body = cmd.isOmitted(FIRST_EXTRA_FIELD) ? new byte[0] : cmd.stringBytes(FIRST_EXTRA_FIELD);
      headersFrom++;
    } else if (opt == PUT || opt == DELETE) {
      // P-20 for PUT; for DELETE, Espressif's published example shows httpbin receiving
      // Content-Length: 0 from the firmware, so the emulator sends it too.
      body = new byte[0];
    }
    List<byte[]> headers = HeaderLines.fromParameters(cmd, headersFrom);
    URI uri = url.orElseGet(() -> {
      if (host.isEmpty()) {
        throw new ParameterException(3, "is empty, AT+HTTPURLCFG stored no URL and no host is given");
      }
      return HttpUrl.fromHostAndPath(host, path, transport, 4);
    });
    String method = METHODS.get(opt - 1);
    return new OutgoingRequest(method, uri,
        HeaderLines.assemble(uri, CONTENT_TYPES.get(contentType), headers, HttpSettings.of(ex.state()).headers(), body),
        body, HttpCommands.DEFAULT_TIMEOUT, HttpCommands.tls(ex));
  }

  /** HEAD answers with its headers as frames, the others with the body (P-20). */
  static HttpTransfer.Shape shape(OutgoingRequest request) {
    return "HEAD".equals(request.method()) ? HttpTransfer.Shape.HEADERS : HttpTransfer.Shape.BODY;
  }
}
