package dev.ghost.gateway.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Staleness and liveness of registry entries, as a table. */
class RegistryEntryTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Duration MAX_AGE = Duration.ofSeconds(60);
  private static final long RUNNING = 100;
  private static final long GONE = 200;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "fresh and alive",
            true,
            NOW.minusSeconds(5),
            null,
            DaemonState.UP,
            "registry says alive"),
        Arguments.of(
            "exactly max age is fresh",
            true,
            NOW.minus(MAX_AGE),
            null,
            DaemonState.UP,
            "registry says alive"),
        Arguments.of(
            "a nanosecond short of max age",
            true,
            NOW.minus(MAX_AGE).plusNanos(1),
            null,
            DaemonState.UP,
            "registry says alive"),
        Arguments.of(
            "a nanosecond past max age",
            true,
            NOW.minus(MAX_AGE).minusNanos(1),
            null,
            DaemonState.DOWN,
            "registry entry is 60 s old (max 60 s)"),
        Arguments.of(
            "one second past max age",
            true,
            NOW.minusSeconds(61),
            null,
            DaemonState.DOWN,
            "registry entry is 61 s old (max 60 s)"),
        Arguments.of(
            "an hour old",
            true,
            NOW.minusSeconds(3600),
            null,
            DaemonState.DOWN,
            "registry entry is 3600 s old (max 60 s)"),
        Arguments.of(
            "timestamp ahead of our clock",
            true,
            NOW.plusSeconds(30),
            null,
            DaemonState.UP,
            "registry says alive"),
        Arguments.of(
            "alive=false", false, NOW, null, DaemonState.DOWN, "registry says alive=false"),
        Arguments.of(
            "alive=false wins over a stale timestamp",
            false,
            NOW.minusSeconds(600),
            null,
            DaemonState.DOWN,
            "registry says alive=false"),
        Arguments.of(
            "no timestamp", true, null, null, DaemonState.DOWN, "registry entry has no timestamp"),
        Arguments.of("pid running", true, NOW, RUNNING, DaemonState.UP, "pid 100 runs"),
        Arguments.of("pid gone", true, NOW, GONE, DaemonState.DOWN, "pid 200 is not running"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judgesTheEntry(
      String name,
      boolean alive,
      Instant timestamp,
      Long pid,
      DaemonState expected,
      String reason) {
    RegistryEntry entry = new RegistryEntry(DaemonName.of("ghost-bridge"), alive, timestamp, pid);

    Observation observation = entry.judge(NOW, MAX_AGE, candidate -> candidate == RUNNING, null);

    assertEquals(expected, observation.state());
    assertEquals(reason, observation.reason());
    assertEquals("registry", observation.source());
  }

  @Test
  void reusesTheLastJudgementWhereItSaysTheSame() {
    DaemonName name = DaemonName.of("ghost-bridge");
    Observation last =
        new RegistryEntry(name, true, NOW, RUNNING).judge(NOW, MAX_AGE, pid -> true, null);

    Observation unchanged =
        new RegistryEntry(name, true, NOW, RUNNING).judge(NOW, MAX_AGE, pid -> true, last);
    Observation seenLater =
        new RegistryEntry(name, true, NOW.plusSeconds(1), RUNNING)
            .judge(NOW, MAX_AGE, pid -> true, last);
    Observation otherPid =
        new RegistryEntry(name, true, NOW, GONE).judge(NOW, MAX_AGE, pid -> true, last);

    assertSame(last, unchanged);
    assertSame(last.reason(), seenLater.reason());
    assertEquals(NOW.plusSeconds(1), seenLater.lastSeen());
    assertEquals("pid 200 runs", otherPid.reason());
  }
}
