package dev.espat.conformance.format;

/** What a {@code frames} step checks about the payloads it read, taken together. */
public sealed interface BodyCheck {

  /** {@code body /bytes/5000}: the same bytes the test server serves at that path (length and SHA-256). */
  record Resource(String path) implements BodyCheck {}

  /** {@code body sent}: the same bytes as the last payload the transcript sent. */
  record Sent() implements BodyCheck {}

  /** {@code length N}: exactly N bytes. */
  record Length(long bytes) implements BodyCheck {}

  /** {@code sha256 HEX}: bytes with this SHA-256 (what a recording writes for a long body). */
  record Sha256(String hex) implements BodyCheck {}

  /** {@code text "..."}: exactly these bytes. */
  record Text(Template text) implements BodyCheck {}

  /** {@code contains "..."}: these bytes somewhere in the first 64 KiB. */
  record Contains(Template text) implements BodyCheck {}

  /** {@code lacks "..."}: not these bytes anywhere in the first 64 KiB. */
  record Lacks(Template text) implements BodyCheck {}
}
