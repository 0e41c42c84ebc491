package dev.espat.grammar;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in protocol text before it reaches a log or trace: the password of
 * {@code AT+CWJAP} and {@code AT+CWSAP}, the password in a URL's user info, and the value of
 * {@code Authorization} and {@code Proxy-Authorization} headers, wherever they appear (a command
 * line, data-mode bytes, a response).
 *
 * <pre>{@code
 * SecretMasker.mask("AT+CWJAP=\"home\",\"hunter2\"");              // AT+CWJAP="home","***"
 * SecretMasker.mask("http://bob:pw@h/x");                          // http://bob:***@h/x
 * SecretMasker.mask("AT+HTTPCHEAD=..., Authorization: Basic Ym9i"); // ... Authorization: ***
 * }</pre>
 */
public final class SecretMasker {

  /** What a secret is replaced with. */
  public static final String MASK = "***";

  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@\"]*:)([^@/\\s\"]*)@");

  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)\\b((?:proxy-)?authorization[ \\t]*:[ \\t]*)([^\"\\r\\n]*)");

  /** Commands whose second parameter is a password. */
  private static final Pattern PASSWORD_COMMAND = Pattern.compile("(?i)AT\\+(CWJAP|CWSAP)(_CUR|_DEF)?=");

  private SecretMasker() {}

  /** The text with every secret it recognises replaced by {@link #MASK}. */
  public static String mask(String text) {
    String masked = maskPasswordParameters(text);
    masked = URL_PASSWORD.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    return AUTHORIZATION.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
  }

  /** Replaces the contents of the second field after each {@code AT+CWJAP=}/{@code AT+CWSAP=}. */
  private static String maskPasswordParameters(String text) {
    Matcher m = PASSWORD_COMMAND.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    do {
      int secondField = fieldEnd(text, m.end());
      if (secondField < text.length() && text.charAt(secondField) == ',') {
        int start = secondField + 1;
        int end = fieldEnd(text, start);
        String field = text.substring(start, end);
        if (!isQuoted(field) && !field.isEmpty()) {
          // A password with an unescaped comma or quote splits into several fields: hide them all.
          end = lineEnd(text, start);
        }
        out.append(text, copied, start).append(isQuoted(field) ? "\"" + MASK + "\"" : field.isEmpty() ? "" : MASK);
        copied = end;
      }
    } while (m.find(Math.max(m.end(), copied)));
    out.append(text, copied, text.length());
    return out.toString();
  }

  /** Index of the comma (or line end) that ends the field starting at {@code from}. */
  private static int fieldEnd(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == ',' || c == '\r' || c == '\n') {
        return i;
      }
      i++;
    }
    return text.length();
  }

  private static int lineEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
      i++;
    }
    return i;
  }

  /** A field written as one string: quotes at both ends, none unescaped inside. */
  private static boolean isQuoted(String field) {
    if (field.length() < 2 || field.charAt(0) != '"' || field.charAt(field.length() - 1) != '"') {
      return false;
    }
    for (int i = 1; i < field.length() - 1; i++) {
      char c = field.charAt(i);
      if (c == '\\') {
        i++;
        if (i == field.length() - 1) {
          return false; // the closing quote is escaped
        }
      } else if (c == '"') {
        return false;
      }
    }
    return true;
  }

  /** Whether the text names a header whose value {@link #mask} hides. */
  public static boolean isSecretHeader(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.equals("authorization") || n.equals("proxy-authorization");
  }
}
