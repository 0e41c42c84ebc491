package dev.espat.conformance.record;

import dev.espat.conformance.format.Escapes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bytes as the text of a transcript line, with some stretches replaced by placeholders. */
final class Rendering {
  /** Bytes {@code [start, end)} are written as {@code placeholder}. */
  record Replacement(int start, int end, String placeholder) {}

  /** An IPv4 address, but not a release number such as AT+GMR's {@code AT version:4.1.0.0}. */
  private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])(?<!version:)(?<!version:v)(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9.])");
  private static final Pattern MAC = Pattern.compile("(?<![0-9a-fA-F:])[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}(?![0-9a-fA-F:])");
  private static final Pattern DATE = Pattern.compile("(?<=Date: )[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");

  private Rendering() {}

  /** The text of a line: literal parts escaped, replacements as their placeholders. */
  static String render(byte[] raw, List<Replacement> replacements) {
    List<Replacement> sorted = new ArrayList<>(replacements);
    sorted.sort(Comparator.comparingInt(Replacement::start));
    StringBuilder s = new StringBuilder();
    int at = 0;
    for (Replacement r : sorted) {
      if (r.start() < at) {
        continue; // overlaps one already taken
      }
      s.append(Escapes.write(java.util.Arrays.copyOfRange(raw, at, r.start()))).append(r.placeholder());
      at = r.end();
    }
    return s.append(Escapes.write(java.util.Arrays.copyOfRange(raw, at, raw.length))).toString();
  }

  /**
   * What varies in what a device writes: IPv4 and MAC addresses, HTTP dates, and the run's Wi-Fi
   * network and password (which replay as {@code {ssid}} and {@code {password}}).
   */
  static List<Replacement> varying(byte[] raw, String ssid, String password) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    List<Replacement> r = new ArrayList<>();
    secrets(raw, ssid, password, r);
    find(IPV4, text, "{ip}", r);
    find(MAC, text, "{mac}", r);
    find(DATE, text, "{http-date}", r);
    return r;
  }

  /** The password wherever it shows, and the network's name where it shows in quotes. */
  static void secrets(byte[] raw, String ssid, String password, List<Replacement> into) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    if (password != null && !password.isEmpty()) {
      find(Pattern.compile(Pattern.quote(iso(password))), text, "{password}", into);
    }
    if (ssid != null && !ssid.isEmpty()) {
      Matcher m = Pattern.compile("\"" + Pattern.quote(iso(ssid)) + "\"").matcher(text);
      while (m.find()) {
        into.add(new Replacement(m.start() + 1, m.end() - 1, "{ssid}"));
      }
    }
  }

  private static void find(Pattern p, String text, String placeholder, List<Replacement> into) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      into.add(new Replacement(m.start(), m.end(), placeholder));
    }
  }

  /** A string's UTF-8 bytes seen as ISO-8859-1 text, to be found among raw bytes. */
  private static String iso(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
