package dev.ghost.gateway.domain;

import static dev.ghost.gateway.domain.DaemonState.DOWN;
import static dev.ghost.gateway.domain.DaemonState.UNKNOWN;
import static dev.ghost.gateway.domain.DaemonState.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotAssemblerTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final DaemonName A = DaemonName.of("ghost-bridge");

  static Stream<Arguments> mergedStates() {
    return Stream.of(
        Arguments.of("one source up", List.of(UP), UP),
        Arguments.of("down beats up", List.of(UP, DOWN), DOWN),
        Arguments.of("unknown beats up", List.of(UP, UNKNOWN), UNKNOWN),
        Arguments.of("down beats unknown", List.of(UNKNOWN, DOWN), DOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mergedStates")
  void theWorseReportWins(String name, List<DaemonState> reports, DaemonState expected) {
    List<Observation> observations =
        reports.stream().map(state -> observation(state, "source-" + state)).toList();

    Snapshot snapshot = SnapshotAssembler.next(Snapshot.EMPTY, 1, START, observations, List.of());

    assertEquals(expected, snapshot.daemons().get(A).state());
    assertEquals("source-" + expected, snapshot.daemons().get(A).source());
  }

  /** The same for a daemon the previous snapshot knew, whichever source reports first. */
  @ParameterizedTest(name = "{0}, known before")
  @MethodSource("mergedStates")
  void theWorseReportWinsForAKnownDaemonInEitherOrder(
      String name, List<DaemonState> reports, DaemonState expected) {
    Snapshot before = after(Snapshot.EMPTY, 0, observation(UP, "r"));
    List<Observation> observations =
        new ArrayList<>(
            reports.stream().map(state -> observation(state, "source-" + state)).toList());

    for (int turn = 0; turn < 2; turn++) {
      Snapshot snapshot = SnapshotAssembler.next(before, 2, START, observations, List.of());

      assertEquals(expected, snapshot.daemons().get(A).state(), observations.toString());
      assertEquals("source-" + expected, snapshot.daemons().get(A).source());
      Collections.reverse(observations);
    }
  }

  @Test
  void sinceStaysWhileTheStateStaysAndMovesWhenItChanges() {
    Snapshot first = after(Snapshot.EMPTY, 0, observation(UP, "r"));
    Snapshot second = after(first, 15, observation(UP, "r"));
    Snapshot third = after(second, 30, observation(DOWN, "r"));

    assertEquals(START, second.daemons().get(A).since());
    assertEquals(START.plusSeconds(30), third.daemons().get(A).since());
  }

  @Test
  void anUnchangedDaemonKeepsItsStatusObjectAndAChangedOneGetsANewOne() {
    Snapshot first = after(Snapshot.EMPTY, 0, observation(UP, "r"));
    Snapshot same = after(first, 15, observation(UP, "r"));
    Snapshot otherSource = after(same, 30, observation(UP, "s"));

    assertSame(first.daemons().get(A), same.daemons().get(A));
    assertSame(first.daemons(), same.daemons(), "nothing changed: the same map serves again");
    assertNotSame(same.daemons().get(A), otherSource.daemons().get(A));
    assertEquals("s", otherSource.daemons().get(A).source());
    assertEquals(START, otherSource.daemons().get(A).since(), "still up since the start");
  }

  @Test
  void aDeclaredDaemonIsUnknownUntilItsGraceEndsThenDown() {
    DeclaredDaemon declared = new DeclaredDaemon(A, START.plusSeconds(30));

    Snapshot early =
        SnapshotAssembler.next(
            Snapshot.EMPTY, 1, START.plusSeconds(29), List.of(), List.of(declared));
    Snapshot late =
        SnapshotAssembler.next(early, 2, START.plusSeconds(31), List.of(), List.of(declared));

    assertEquals(UNKNOWN, early.daemons().get(A).state());
    assertEquals(DOWN, late.daemons().get(A).state());
    assertTrue(late.daemons().get(A).reason().contains("no source reported it"));
  }

  @Test
  void aDeclaredDaemonThatASourceReportsTakesTheSourcesWord() {
    DeclaredDaemon declared = new DeclaredDaemon(A, START.plusSeconds(30));

    Snapshot snapshot =
        SnapshotAssembler.next(
            Snapshot.EMPTY, 1, START, List.of(observation(UP, "registry")), List.of(declared));

    assertEquals(UP, snapshot.daemons().get(A).state());
  }

  @Test
  void aDeclaredDaemonThatWentSilentIsDownAtOnceEvenWithinGrace() {
    DeclaredDaemon declared = new DeclaredDaemon(A, START.plusSeconds(300));
    Snapshot seen =
        SnapshotAssembler.next(
            Snapshot.EMPTY, 1, START, List.of(observation(UP, "registry")), List.of(declared));

    Snapshot silent =
        SnapshotAssembler.next(seen, 2, START.plusSeconds(15), List.of(), List.of(declared));

    assertEquals(DOWN, silent.daemons().get(A).state());
  }

  @Test
  void anUndeclaredDaemonNoSourceReportsIsGone() {
    Snapshot seen =
        SnapshotAssembler.next(
            Snapshot.EMPTY, 1, START, List.of(observation(UP, "registry")), List.of());

    Snapshot next = SnapshotAssembler.next(seen, 2, START.plusSeconds(15), List.of(), List.of());

    assertTrue(next.daemons().isEmpty());
  }

  static Stream<Arguments> healthCases() {
    return Stream.of(
        Arguments.of("nothing watched", List.of(), Health.UNKNOWN),
        Arguments.of("all up", List.of(UP, UP), Health.OPERATIONAL),
        Arguments.of("one of three down", List.of(UP, UP, DOWN), Health.DEGRADED),
        Arguments.of("one unknown", List.of(UP, UNKNOWN), Health.DEGRADED),
        Arguments.of("half down", List.of(UP, DOWN), Health.MAJOR_OUTAGE),
        Arguments.of("all unknown", List.of(UNKNOWN, UNKNOWN), Health.UNKNOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("healthCases")
  void healthSumsUpTheDaemons(String name, List<DaemonState> states, Health expected) {
    List<DaemonStatus> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      statuses.add(
          new DaemonStatus(DaemonName.of("d" + i), states.get(i), START, "", "test", null, null));
    }
    assertEquals(expected, Health.of(Snapshot.of(1, START, statuses).counts()));
  }

  /** The snapshot after {@code previous}, {@code seconds} after the start, of one observation. */
  private static Snapshot after(Snapshot previous, int seconds, Observation observation) {
    return SnapshotAssembler.next(
        previous,
        previous.sequence() + 1,
        START.plusSeconds(seconds),
        List.of(observation),
        List.of());
  }

  private static Observation observation(DaemonState state, String source) {
    return new Observation(A, state, state.wire(), source, START, null);
  }
}
