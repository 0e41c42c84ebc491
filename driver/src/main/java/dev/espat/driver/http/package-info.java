/**
 * An HTTP client over the ESP-AT HTTP commands: {@link dev.espat.driver.http.HttpClient} picks
 * AT+HTTPCLIENT, AT+HTTPCGET, AT+HTTPCPOST/CPUT or AT+HTTPURLCFG per request, and
 * {@link dev.espat.driver.http.HttpStatus} says only what the firmware reports.
 *
 * <pre>{@code
 * try (EspAt esp = EspAt.open("socket://127.0.0.1:3333")) {
 *   esp.wifi().join("espressif", "1234567890");
 *   HttpResponse r = esp.http().send(HttpRequest.newBuilder(URI.create("http://example.com/get")).build());
 *   if (r.status() instanceof HttpStatus.Failed f) System.out.println("status " + f.status());
 *   System.out.println(r.bodyAsString());
 * }
 * }</pre>
 */
package dev.espat.driver.http;
