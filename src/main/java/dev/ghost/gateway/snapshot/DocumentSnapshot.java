package dev.ghost.gateway.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Timestamps;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a snapshot back from the status document that was made of it: a follower knows the leader's
 * snapshot from the document the leader published, so its answers (the agent API, the page, MCP)
 * agree with its status.json. The inverse of {@link DaemonsJson}'s fields.
 */
public final class DocumentSnapshot {

  private DocumentSnapshot() {}

  public static Snapshot read(byte[] document, long sequence, Instant takenAt, ObjectMapper json)
      throws IOException {
    JsonNode daemons = json.readTree(document).path("daemons");
    List<DaemonStatus> statuses = new ArrayList<>(daemons.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = daemons.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> daemon = it.next();
      JsonNode fields = daemon.getValue();
      statuses.add(
          new DaemonStatus(
              DaemonName.of(daemon.getKey()),
              DaemonState.fromWire(fields.path("state").asText()),
              instant(fields.path("since")),
              fields.path("reason").asText(),
              fields.path("source").asText(),
              instant(fields.path("timestamp")),
              fields.hasNonNull("pid") ? fields.get("pid").asLong() : null));
    }
    return Snapshot.of(sequence, takenAt, statuses);
  }

  private static Instant instant(JsonNode text) {
    if (text.isNull() || text.isMissingNode()) {
      return null;
    }
    Instant quick = Timestamps.parseUtc(text.asText());
    return quick != null ? quick : Instant.parse(text.asText());
  }
}
