package dev.espat.conformance.internal;

import dev.espat.conformance.format.BodyCheck;
import dev.espat.conformance.format.Escapes;
import dev.espat.conformance.format.Step;
import dev.espat.conformance.server.Route;
import dev.espat.conformance.server.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs a {@code frames} step: reads {@code +NAME:<n>,<n bytes>\r\n} frames as long as the device
 * writes them (P-30), each at most {@code max} (P-31), streaming their payloads into a
 * {@link Body} (bounded memory, P-33), then checks the body as a whole.
 */
final class FramesReader {
  /** The longest frame length read: 9 digits. */
  private static final int MAX_DIGITS = 9;

  private final DeviceLink link;
  private final TestHttpServer server;
  private final Values values;
  private final Masking masking;

  FramesReader(DeviceLink link, TestHttpServer server, Values values, Masking masking) {
    this.link = link;
    this.server = server;
    this.values = values;
    this.masking = masking;
  }

  /**
   * @param lastSent the last payload the transcript sent, for {@code body sent}; may be null
   */
  void run(Step.Frames step, long deadline, Route.Entity lastSent) throws StepFailure, InterruptedException {
    Inbox inbox = link.inbox();
    byte[] prefix = step.prefix().getBytes(StandardCharsets.US_ASCII);
    Body body = new Body();
    byte[] buffer = new byte[16 * 1024];
    int count = 0;
    while (true) {
      if (!frameFollows(prefix, deadline, count, step)) {
        break;
      }
      inbox.consume(prefix.length);
      int length = frameLength(deadline, count + 1, step);
      if (step.max() > 0 && length > step.max()) {
        throw new StepFailure("frame " + (count + 1) + " is " + length + " bytes, over the " + step.max() + " allowed", "");
      }
      for (int left = length; left > 0; ) {
        if (inbox.available() == 0 && !inbox.awaitMoreThan(0, deadline)) {
          throw new StepFailure(ended(inbox) + " in frame " + (count + 1) + ", " + (length - left) + " of its " + length
              + " bytes read (" + body.length() + " body bytes so far)", "");
        }
        int n = inbox.take(buffer, 0, Math.min(buffer.length, left));
        body.add(buffer, 0, n);
        left -= n;
      }
      expectCrLf(deadline, count + 1, length);
      count++;
      if (step.gate() && count == 1) {
        server.openGates();
      }
    }
    check(step, body, lastSent, count);
  }

  /** Whether the next bytes start another frame: decided on the first byte that differs from the prefix. */
  private boolean frameFollows(byte[] prefix, long deadline, int count, Step.Frames step) throws StepFailure, InterruptedException {
    Inbox inbox = link.inbox();
    while (true) {
      byte[] seen = inbox.peek(prefix.length);
      for (int i = 0; i < seen.length; i++) {
        if (seen[i] != prefix[i]) {
          if (count >= step.minCount()) {
            return false;
          }
          byte[] got = inbox.peek(256);
          throw new StepFailure("expected frame " + (count + 1) + " (" + step.prefix() + "<n>,...), at least "
              + step.minCount() + " in all", ByteDiff.render(Escapes.show(prefix) + "{len},...", got, i,
              "'" + Escapes.show(prefix, i, prefix.length - i) + "'", masking));
        }
      }
      if (seen.length == prefix.length) {
        return true;
      }
      if (!inbox.awaitMoreThan(seen.length, deadline)) {
        if (seen.length == 0 && count >= step.minCount()) {
          return false; // nothing more came: the frames are over, the next step will say what is missing
        }
        throw new StepFailure(ended(inbox) + " waiting for frame " + (count + 1) + " (" + step.prefix() + "<n>,...)",
            ByteDiff.got(inbox.peek(256), masking));
      }
    }
  }

  private int frameLength(long deadline, int frame, Step.Frames step) throws StepFailure, InterruptedException {
    Inbox inbox = link.inbox();
    while (true) {
      byte[] seen = inbox.peek(MAX_DIGITS + 1);
      int digits = 0;
      while (digits < seen.length && seen[digits] >= '0' && seen[digits] <= '9') {
        digits++;
      }
      if (digits < seen.length) {
        if (digits == 0 || seen[digits] != ',') {
          throw new StepFailure("frame " + frame + " (" + step.prefix() + "): no length and comma after the name",
              ByteDiff.render(step.prefix() + "{len},", concat(step.prefix(), inbox.peek(200)), step.prefix().length() + digits,
                  digits == 0 ? "digits" : "','", masking));
        }
        inbox.consume(digits + 1);
        return Integer.parseInt(new String(seen, 0, digits, StandardCharsets.US_ASCII));
      }
      if (digits > MAX_DIGITS) {
        throw new StepFailure("frame " + frame + ": a length of more than " + MAX_DIGITS + " digits", "");
      }
      if (!inbox.awaitMoreThan(seen.length, deadline)) {
        throw new StepFailure(ended(inbox) + " in the length of frame " + frame, ByteDiff.got(inbox.peek(64), masking));
      }
    }
  }

  private void expectCrLf(long deadline, int frame, int length) throws StepFailure, InterruptedException {
    Inbox inbox = link.inbox();
    while (inbox.available() < 2) {
      if (!inbox.awaitMoreThan(inbox.available(), deadline)) {
        throw new StepFailure(ended(inbox) + " after the " + length + "-byte payload of frame " + frame + ", before its \\r\\n", "");
      }
    }
    byte[] two = inbox.peek(2);
    if (two[0] != '\r' || two[1] != '\n') {
      byte[] got = inbox.peek(128);
      throw new StepFailure("frame " + frame + " does not end with \\r\\n after the " + length + " bytes it announced (P-30)",
          ByteDiff.render("\\r\\n", got, two[0] != '\r' ? 0 : 1, "'\\r\\n'", masking));
    }
    inbox.consume(2);
  }

  private void check(Step.Frames step, Body body, Route.Entity lastSent, int count) throws StepFailure {
    for (BodyCheck c : step.checks()) {
      String problem = switch (c) {
        case BodyCheck.Resource r -> {
          Optional<Route.Entity> expected = TestHttpServer.entity(r.path());
          if (expected.isEmpty()) {
            yield "body " + r.path() + ": the test server's body there is not known in advance (an echo, or no such endpoint)";
          }
          yield body.differenceFrom(expected.get(), r.path());
        }
        case BodyCheck.Sent s -> lastSent == null ? "body sent: nothing was sent before"
            : body.differenceFrom(lastSent, "the payload sent");
        case BodyCheck.Length l -> body.length() == l.bytes() ? null
            : "the frames carried " + body.length() + " bytes, not " + l.bytes();
        case BodyCheck.Sha256 h -> java.util.HexFormat.of().formatHex(body.sha256()).equals(h.hex()) ? null
            : "the frames' " + body.length() + " bytes have another SHA-256 than " + h.hex();
        case BodyCheck.Text t -> {
          byte[] want = values.text(t.text());
          Body expected = new Body();
          expected.add(want, 0, want.length);
          String d = body.differenceFrom(expected.entity(), "the text");
          yield d == null ? null : d + "; expected '" + Escapes.show(want) + "', got '" + Escapes.show(body.head()) + "'";
        }
        case BodyCheck.Contains k -> {
          byte[] want = values.text(k.text());
          yield Body.indexOf(body.head(), want) >= 0 ? null
              : "the body does not contain '" + Escapes.show(want) + "'; it is: " + Escapes.show(shortHead(body));
        }
        case BodyCheck.Lacks k -> {
          byte[] unwanted = values.text(k.text());
          yield Body.indexOf(body.head(), unwanted) < 0 ? null
              : "the body contains '" + Escapes.show(unwanted) + "'; it is: " + Escapes.show(shortHead(body));
        }
      };
      if (problem != null) {
        throw new StepFailure(masking.mask(problem), "  after " + count + " frames:" + ByteDiff.got(link.inbox().peek(128), masking).substring(11));
      }
    }
  }

  private static byte[] shortHead(Body body) {
    byte[] h = body.head();
    return h.length <= 400 ? h : java.util.Arrays.copyOf(h, 400);
  }

  private static byte[] concat(String prefix, byte[] rest) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    byte[] all = java.util.Arrays.copyOf(p, p.length + rest.length);
    System.arraycopy(rest, 0, all, p.length, rest.length);
    return all;
  }

  static String ended(Inbox inbox) {
    return inbox.ended() ? "the port closed (" + inbox.endReason() + ")" : "timed out";
  }
}
