package dev.ghost.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daemons object stays exact JSON while daemons change, appear and leave between renders. */
class DaemonsJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-01-31T12:00:00.123Z");

  @Test
  void eachRenderIsTheFullObjectWhateverWasReused() throws Exception {
    DaemonsJson renderer = new DaemonsJson();
    List<DaemonStatus> first =
        List.of(status("a", DaemonState.UP, "ok", 1L), status("b", DaemonState.DOWN, "x", null));
    assertEquals(expected(first), parse(renderer.render(first)));

    List<DaemonStatus> second =
        List.of(
            status("a", DaemonState.UP, "ok", 1L),
            status("b", DaemonState.UP, "quote \" newline \n tab \t <!channel>", null),
            status("c", DaemonState.UNKNOWN, "new", 7L));
    assertEquals(expected(second), parse(renderer.render(second)));

    List<DaemonStatus> third = List.of(status("c", DaemonState.UNKNOWN, "new", 7L));
    assertEquals(expected(third), parse(renderer.render(third)));
    assertEquals("{}", new String(renderer.render(List.of()).asUnquotedUTF8()));
  }

  @Test
  void theSeedFieldsAndTimestampsAreExact() throws Exception {
    JsonNode daemon =
        parse(new DaemonsJson().render(List.of(status("a", DaemonState.UP, "ok", 42L)))).get("a");

    assertEquals(true, daemon.get("alive").asBoolean());
    assertEquals("2026-01-31T12:00:00.123Z", daemon.get("timestamp").asText());
    assertEquals("2026-01-31T12:00:00.123Z", daemon.get("since").asText());
    assertEquals(42, daemon.get("pid").asLong());
  }

  private static JsonNode parse(RawJson raw) throws Exception {
    return JSON.readTree(raw.asUnquotedUTF8());
  }

  /** Built as a tree, then read back, so numbers compare as parsed numbers do. */
  private static JsonNode expected(List<DaemonStatus> statuses) throws Exception {
    var object = JSON.createObjectNode();
    for (DaemonStatus status : new ArrayList<>(statuses)) {
      var daemon = object.putObject(status.name().value());
      daemon.put("alive", status.alive());
      daemon.put("timestamp", "2026-01-31T12:00:00.123Z");
      daemon.put("state", status.state().wire());
      daemon.put("since", "2026-01-31T12:00:00.123Z");
      daemon.put("reason", status.reason());
      daemon.put("source", status.source());
      if (status.pid() != null) {
        daemon.put("pid", status.pid());
      }
    }
    return JSON.readTree(object.toString());
  }

  private static DaemonStatus status(String name, DaemonState state, String reason, Long pid) {
    return new DaemonStatus(DaemonName.of(name), state, T, reason, "registry", T, pid);
  }
}
