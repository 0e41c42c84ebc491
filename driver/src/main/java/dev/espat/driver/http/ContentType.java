package dev.espat.driver.http;

/**
 * The four content types AT+HTTPCLIENT can name by number (P-20); any other goes as a
 * {@code Content-Type} header.
 *
 * <pre>{@code
 * HttpRequest.newBuilder(uri).POST("{\"a\":1}", ContentType.JSON).build();
 * }</pre>
 */
public enum ContentType {
  FORM_URLENCODED("application/x-www-form-urlencoded"),
  JSON("application/json"),
  MULTIPART_FORM_DATA("multipart/form-data"),
  TEXT_XML("text/xml");

  private final String mediaType;

  ContentType(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type as sent: {@code application/json}. */
  public String mediaType() {
    return mediaType;
  }

  /** The number AT+HTTPCLIENT's content-type parameter takes for it (0..3). */
  public int atCode() {
    return ordinal();
  }
}
