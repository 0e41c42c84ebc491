package dev.espat.grammar.response;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link ResponseDecoder} accepts: how long a line and a body frame may be, and which
 * information-line names introduce length-delimited body frames (P-30).
 *
 * <pre>{@code
 * new ResponseDecoder(DecoderLimits.defaults().withMaxFrameLength(64 * 1024));
 * }</pre>
 *
 * @param maxLineLength the longest line, without CR LF, in bytes
 * @param maxFrameLength the largest body frame, in bytes
 * @param frameCommands names (without {@code +}) whose {@code +NAME:<digits>,} starts a frame
 */
public record DecoderLimits(int maxLineLength, int maxFrameLength, Set<String> frameCommands) {

  /** Longer than any line the firmware prints: an AT+CWLAP entry is under 200 bytes. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 4096;

  /** Above the largest rx buffer (10240, §4) and URL (8192, P-24) the firmware frames. */
  public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024;

  /** The commands whose output is framed by length (P-20..P-24, P-30). */
  public static final Set<String> HTTP_FRAME_COMMANDS =
      Set.of("HTTPCLIENT", "HTTPCGET", "HTTPCPOST", "HTTPCPUT", "HTTPURLCFG");

  public DecoderLimits {
    if (maxLineLength < 16) {
      throw new IllegalArgumentException("maxLineLength " + maxLineLength + " is below 16 bytes");
    }
    if (maxFrameLength < 1) {
      throw new IllegalArgumentException("maxFrameLength " + maxFrameLength + " must be positive");
    }
    frameCommands = frameCommands.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** 4 KiB lines, 16 KiB frames, the HTTP commands' frames. */
  public static DecoderLimits defaults() {
    return new DecoderLimits(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_FRAME_LENGTH, HTTP_FRAME_COMMANDS);
  }

  public DecoderLimits withMaxLineLength(int bytes) {
    return new DecoderLimits(bytes, maxFrameLength, frameCommands);
  }

  public DecoderLimits withMaxFrameLength(int bytes) {
    return new DecoderLimits(maxLineLength, bytes, frameCommands);
  }

  public DecoderLimits withFrameCommands(Set<String> commands) {
    return new DecoderLimits(maxLineLength, maxFrameLength, commands);
  }
}
