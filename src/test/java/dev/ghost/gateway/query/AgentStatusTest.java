package dev.ghost.gateway.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Freshness;
import dev.ghost.gateway.domain.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent-facing summary, as a table of situations and the sentence each one gets. */
class AgentStatusTest {

  private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");
  private static final Freshness TICK = new Freshness(Duration.ofSeconds(15));

  static Stream<Arguments> sentences() {
    return Stream.of(
        Arguments.of("nothing watched", List.of(), "No daemons are watched yet.", "unknown"),
        Arguments.of("all up", List.of(up("a"), up("b")), "All 2 daemons are up.", "operational"),
        Arguments.of(
            "one unknown",
            List.of(up("a"), status("b", DaemonState.UNKNOWN, 0, "not probed yet")),
            "1 of 2 daemons is up; 1 not known yet.",
            "degraded"),
        Arguments.of(
            "two down with reasons and durations",
            List.of(
                up("a"),
                up("b"),
                status("patch-executor", DaemonState.DOWN, 720, "no heartbeat for 720 s"),
                status("ghost-bridge", DaemonState.DOWN, 180, "HTTP 503 in 4 ms")),
            "2 of 4 daemons are down: ghost-bridge for 3 min (HTTP 503 in 4 ms),"
                + " patch-executor for 12 min (no heartbeat for 720 s).",
            "major_outage"),
        Arguments.of(
            "one of four down",
            List.of(up("a"), up("b"), up("c"), status("solo", DaemonState.DOWN, 5, "fail signal")),
            "1 of 4 daemons is down: solo for 5 s (fail signal).",
            "degraded"),
        Arguments.of(
            "one of one down",
            List.of(status("solo", DaemonState.DOWN, 5, "fail signal")),
            "1 of 1 daemon is down: solo for 5 s (fail signal).",
            "major_outage"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sentences")
  void summarizesInOneSentence(
      String name, List<DaemonStatus> daemons, String summary, String indicator) {
    AgentStatus status = AgentStatus.of(Snapshot.of(7, NOW, daemons), NOW, TICK);

    assertEquals(summary, status.summary());
    assertEquals(indicator, status.indicator());
    assertFalse(status.stale());
  }

  @Test
  void manyDownAreNamedUntilThreeHundredCharactersThenCounted() {
    List<DaemonStatus> daemons = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      daemons.add(status("worker-" + i, DaemonState.DOWN, 60, "pid " + i + " is not running"));
    }

    AgentStatus status = AgentStatus.of(Snapshot.of(7, NOW, daemons), NOW, TICK);

    assertTrue(status.summary().length() <= 300, status.summary());
    assertTrue(status.summary().startsWith("300 of 300 daemons are down: worker-0 for 1 min"));
    assertTrue(status.summary().matches(".* and \\d+ more\\."), status.summary());
  }

  @Test
  void aLongReasonNeverMakesTheSentenceLonger() {
    AgentStatus status =
        AgentStatus.of(
            Snapshot.of(7, NOW, List.of(status("a", DaemonState.DOWN, 1, "x".repeat(1000)))),
            NOW,
            TICK);
    assertTrue(status.summary().length() <= 300);
  }

  @Test
  void anOldSnapshotIsStaleAndSaysSo() {
    Snapshot old = Snapshot.of(7, NOW.minusSeconds(46), List.of(up("a")));

    AgentStatus status = AgentStatus.of(old, NOW, TICK);

    assertTrue(status.stale());
    assertEquals("Stale: the last snapshot is 46 s old. The 1 daemon is up.", status.summary());
  }

  @Test
  void tenThousandDaemonsStayFarUnderAHundredThousandCharacters() throws Exception {
    List<DaemonStatus> daemons = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      daemons.add(
          status(
              "daemon-" + i, i % 2 == 0 ? DaemonState.DOWN : DaemonState.UP, 60, "r".repeat(100)));
    }

    AgentStatus status = AgentStatus.of(Snapshot.of(7, NOW, daemons), NOW, TICK);
    String json = new ObjectMapper().writeValueAsString(status);

    assertEquals(200, status.daemons().size());
    assertTrue(status.truncated());
    assertEquals(10_000, status.counts().total());
    assertTrue(json.length() < 100_000, json.length() + " characters");
  }

  private static DaemonStatus up(String name) {
    return status(name, DaemonState.UP, 3600, "heartbeat");
  }

  private static DaemonStatus status(
      String name, DaemonState state, long secondsAgo, String reason) {
    return new DaemonStatus(
        DaemonName.of(name), state, NOW.minusSeconds(secondsAgo), reason, "test", null, null);
  }
}
