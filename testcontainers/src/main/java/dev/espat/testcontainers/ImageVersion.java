package dev.espat.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tag of the image built together with this module: the project's version, from {@code image.properties}. */
final class ImageVersion {
  static final String TAG = read();

  private ImageVersion() {}

  private static String read() {
    try (InputStream in = ImageVersion.class.getResourceAsStream("image.properties")) {
      if (in == null) {
        throw new IllegalStateException("image.properties is missing from the esp-at testcontainers jar");
      }
      Properties p = new Properties();
      p.load(in);
      String tag = p.getProperty("tag", "");
      if (tag.isBlank() || tag.startsWith("${")) {
        throw new IllegalStateException("image.properties has no image tag (got '" + tag + "'); was it filtered by Maven?");
      }
      return tag;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image.properties", e);
    }
  }
}
