package dev.ghost.gateway.domain;

import static dev.ghost.gateway.domain.DaemonState.DOWN;
import static dev.ghost.gateway.domain.DaemonState.UNKNOWN;
import static dev.ghost.gateway.domain.DaemonState.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotDiffTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(15);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unchanged up", List.of(up("a")), List.of(up("a")), List.of()),
        Arguments.of("up to down", List.of(up("a")), List.of(down("a", "x")), List.of("a:down")),
        Arguments.of("down to up", List.of(down("a", "x")), List.of(up("a")), List.of("a:up")),
        Arguments.of(
            "up to unknown",
            List.of(up("a")),
            List.of(status("a", UNKNOWN, "?")),
            List.of("a:unknown")),
        Arguments.of("appeared", List.of(), List.of(up("b")), List.of("b:appeared")),
        Arguments.of("removed", List.of(up("a")), List.of(), List.of("a:removed")),
        Arguments.of(
            "reason alone changes nothing",
            List.of(down("a", "no heartbeat for 60 s")),
            List.of(down("a", "no heartbeat for 75 s")),
            List.of()),
        Arguments.of(
            "several at once, in name order",
            List.of(up("c"), up("a")),
            List.of(down("a", "x"), up("b")),
            List.of("a:down", "b:appeared", "c:removed")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsEachChangeOnce(
      String name, List<DaemonStatus> before, List<DaemonStatus> after, List<String> expected) {
    List<Transition> transitions =
        SnapshotDiff.between(Snapshot.of(1, T0, before), Snapshot.of(2, T1, after));

    assertEquals(
        expected, transitions.stream().map(t -> t.daemon() + ":" + t.kind().wire()).toList());
    transitions.forEach(t -> assertEquals(T1, t.at()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void diffOfASnapshotWithItselfIsEmpty(
      String name, List<DaemonStatus> before, List<DaemonStatus> after, List<String> expected) {
    Snapshot snapshot = Snapshot.of(2, T1, after);
    assertEquals(List.of(), SnapshotDiff.between(snapshot, snapshot));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsTheSameChangesInASnapshotThatKeptThePreviousOnesDaemons(
      String name, List<DaemonStatus> before, List<DaemonStatus> after, List<String> expected) {
    Snapshot previous = Snapshot.of(1, T0, before);
    Snapshot next = Snapshot.of(2, T1, after, previous);

    assertEquals(
        expected,
        SnapshotDiff.between(previous, next).stream()
            .map(t -> t.daemon() + ":" + t.kind().wire())
            .toList());
  }

  /**
   * A tick whose fleet is the last one's compares place by place; one whose fleet changed looks
   * names up. Over random fleets and states, both ways find the same transitions.
   */
  @Test
  void comparingPlaceByPlaceFindsWhatLookingUpFinds() {
    Random random = new Random(7);
    List<DaemonState> states = List.of(UP, DOWN, UNKNOWN);
    for (int round = 0; round < 200; round++) {
      List<DaemonStatus> fleet = new ArrayList<>();
      for (int i = random.nextInt(30); i >= 0; i--) {
        fleet.add(status("d" + random.nextInt(40), states.get(random.nextInt(3)), "r"));
      }
      Snapshot previous = Snapshot.of(1, T0, fleet);
      List<DaemonStatus> changed =
          previous.daemons().values().stream()
              .map(
                  s ->
                      random.nextInt(4) == 0
                          ? status(s.name().value(), states.get(random.nextInt(3)), "r2")
                          : s)
              .toList();
      Snapshot kept = Snapshot.of(2, T1, changed, previous);
      Snapshot fresh = Snapshot.of(2, T1, changed);

      assertTrue(kept.sameDaemonsAs(previous), "the fleet is the same: its index is shared");
      assertEquals(SnapshotDiff.between(previous, fresh), SnapshotDiff.between(previous, kept));
    }
  }

  private static DaemonStatus up(String name) {
    return status(name, UP, "ok");
  }

  private static DaemonStatus down(String name, String reason) {
    return status(name, DOWN, reason);
  }

  private static DaemonStatus status(String name, DaemonState state, String reason) {
    return new DaemonStatus(DaemonName.of(name), state, T0, reason, "registry", T0, null);
  }
}
