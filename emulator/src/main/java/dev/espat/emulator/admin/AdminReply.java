package dev.espat.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What an admin endpoint answers: JSON, or the lines of a trace (streamed as text). */
sealed interface AdminReply {

  /** A JSON body with its status. */
  record Json(int status, JsonNode body) implements AdminReply {}

  /**
   * Trace lines, oldest first.
   *
   * @param lines the lines sent
   * @param omitted how many older lines of that device the memory still held and were not sent
   */
  record TraceLines(List<String> lines, int omitted) implements AdminReply {}
}
