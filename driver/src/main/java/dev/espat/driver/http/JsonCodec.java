package dev.espat.driver.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Turns Java values into JSON bytes and back (placeholder until the minimal codec lands). */
public interface JsonCodec {
  /** Writes value as UTF-8 JSON. */
  void write(Object value, OutputStream out) throws IOException;

  /** Reads one JSON document as the given type. */
  <T> T read(InputStream in, Class<T> type) throws IOException;
}
