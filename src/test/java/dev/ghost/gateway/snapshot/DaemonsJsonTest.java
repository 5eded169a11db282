package dev.ghost.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
    assertEquals(
        "{\"before\":1,\"daemons\":{},\"after\":[\"x\"]}", text(renderer.render(List.of())));
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

  /**
   * A daemon whose only change is its last-seen time is patched in place, not written again: the
   * bytes are those a fresh renderer writes, through null and back, and a change of anything else
   * with it is written whole.
   */
  @Test
  void aNewLastSeenAloneGivesTheBytesAFreshRenderWrites() throws Exception {
    DaemonsJson renderer = new DaemonsJson();
    DaemonStatus first = status("a", DaemonState.UP, "ok", 42L);
    renderer.render(List.of(first, status("b", DaemonState.DOWN, "x", null)));
    for (Instant seen :
        new Instant[] {
          T.plusMillis(1),
          T.plusSeconds(86_400 * 400L),
          null,
          T.plusMillis(7),
          Instant.parse("+10000-01-01T00:00:00Z"),
          T.plusMillis(8),
          T.plusMillis(9)
        }) {
      List<DaemonStatus> next =
          List.of(
              withLastSeen(first, seen),
              withLastSeen(status("b", DaemonState.DOWN, "x", null), seen));
      assertEquals(
          text(new DaemonsJson().render(next)), text(renderer.render(next)), "last seen " + seen);
    }
    List<DaemonStatus> reasonToo =
        List.of(
            new DaemonStatus(
                DaemonName.of("a"), DaemonState.DOWN, T, "gone", "registry", T.plusMillis(9), 42L));
    assertEquals(text(new DaemonsJson().render(reasonToo)), text(renderer.render(reasonToo)));
  }

  /**
   * Daemons keep their name objects from one snapshot to the next, and each is first looked for at
   * its last place: one that moved, one that stayed but changed, and one new in between must each
   * still give the bytes a fresh renderer writes.
   */
  @Test
  void daemonsThatMoveOrChangeInPlaceGiveTheBytesAFreshRenderWrites() throws Exception {
    DaemonsJson renderer = new DaemonsJson();
    DaemonStatus a = status("a", DaemonState.UP, "ok", 1L);
    DaemonStatus b = status("b", DaemonState.DOWN, "x", null);
    DaemonStatus c = status("c", DaemonState.UP, "ok", 3L);
    List<List<DaemonStatus>> renders =
        List.of(
            List.of(a, b, c),
            List.of(b, c),
            List.of(a, withReason(b, "y"), c),
            List.of(a, withReason(b, "y"), status("bb", DaemonState.UP, "new", 2L), c),
            List.of(withLastSeen(a, T.plusMillis(5)), withReason(b, "y"), c));
    for (List<DaemonStatus> daemons : renders) {
      assertEquals(text(new DaemonsJson().render(daemons)), text(renderer.render(daemons)));
    }
  }

  /**
   * Random runs of snapshots, as a fleet changes: daemons come, go, change state or reason, are
   * seen again; names are mostly the very objects of the last snapshot, sometimes equal copies.
   * Every render must be the bytes a fresh renderer writes.
   */
  @Test
  void randomChangesAlwaysGiveTheBytesAFreshRenderWrites() throws Exception {
    Random random = new Random(7);
    DaemonsJson renderer = new DaemonsJson();
    TreeMap<String, DaemonStatus> fleet = new TreeMap<>();
    for (int round = 0; round < 300; round++) {
      for (int change = random.nextInt(6); change > 0; change--) {
        String name = "d" + random.nextInt(40);
        DaemonStatus before = fleet.get(name);
        switch (random.nextInt(5)) {
          case 0 -> fleet.remove(name);
          case 1 ->
              fleet.put(
                  name,
                  status(
                      name, DaemonState.values()[random.nextInt(3)], "r" + random.nextInt(3), 1L));
          case 2 -> {
            if (before != null) {
              fleet.put(name, withReason(before, "reason \"" + random.nextInt(9) + "\""));
            }
          }
          default -> {
            if (before != null) {
              Instant seen =
                  random.nextInt(10) == 0
                      ? Instant.parse("+10000-01-01T00:00:00Z")
                      : T.plusMillis(random.nextInt(1_000_000));
              fleet.put(name, withLastSeen(before, random.nextInt(10) == 0 ? null : seen));
            }
          }
        }
      }
      List<DaemonStatus> daemons = new ArrayList<>(fleet.values());
      assertEquals(
          text(new DaemonsJson().render(daemons)),
          text(renderer.render(daemons)),
          "round " + round);
    }
  }

  private static DaemonStatus withReason(DaemonStatus status, String reason) {
    return new DaemonStatus(
        status.name(),
        status.state(),
        status.since(),
        reason,
        status.source(),
        status.lastSeen(),
        status.pid());
  }

  private static DaemonStatus withLastSeen(DaemonStatus status, Instant seen) {
    return new DaemonStatus(
        status.name(),
        status.state(),
        status.since(),
        status.reason(),
        status.source(),
        seen,
        status.pid());
  }

  private static JsonNode parse(DaemonsJson.Rendered daemons) throws Exception {
    return JSON.readTree(text(daemons)).get("daemons");
  }

  /** A document holding the object beside other members, as the status document holds it. */
  private static String text(DaemonsJson.Rendered daemons) throws Exception {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("before", 1);
    document.put("daemons", daemons);
    document.put("after", List.of("x"));
    return new String(daemons.document(JSON, document), StandardCharsets.UTF_8);
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
