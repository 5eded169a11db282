package dev.ghost.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A snapshot's daemons are a map by name in name order, whether it was made from scratch or after
 * another one whose index of names it may share.
 */
class SnapshotTest {

  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  @Test
  void daemonsAreByNameInNameOrderAndALaterStatusOfTheSameNameWins() {
    DaemonStatus first = status("b", DaemonState.UP);
    DaemonStatus again = status("b", DaemonState.DOWN);

    Snapshot snapshot =
        Snapshot.of(
            1, T0, List.of(status("c", DaemonState.UP), first, status("a", DaemonState.UP), again));

    assertEquals(List.of("a", "b", "c"), names(snapshot));
    assertSame(again, snapshot.daemons().get(DaemonName.of("b")));
    assertEquals(3, snapshot.daemons().size());
    assertThrows(
        UnsupportedOperationException.class,
        () -> snapshot.daemons().put(DaemonName.of("d"), status("d", DaemonState.UP)));
    assertThrows(UnsupportedOperationException.class, () -> snapshot.daemons().values().clear());
  }

  /**
   * Three hundred fleets one after another, each made after the last: daemons come, go, repeat and
   * change, given in any order. Each snapshot must be the map a sorted map of the same statuses is.
   */
  @Test
  void aSnapshotMadeAfterAnotherIsTheSameMapAsOneMadeFromScratch() {
    Random random = new Random(29);
    Snapshot previous = Snapshot.EMPTY;
    List<DaemonStatus> fleet = new ArrayList<>();
    for (int round = 0; round < 300; round++) {
      fleet = nextFleet(random, fleet);
      List<DaemonStatus> given = new ArrayList<>(fleet);
      if (random.nextInt(4) == 0) {
        Collections.shuffle(given, random);
      }
      if (random.nextInt(8) == 0 && !given.isEmpty()) {
        DaemonStatus repeated = given.get(random.nextInt(given.size()));
        given.add(status(repeated.name().value(), DaemonState.UNKNOWN));
      }
      TreeMap<DaemonName, DaemonStatus> expected = new TreeMap<>();
      given.forEach(status -> expected.put(status.name(), status));

      Snapshot next = Snapshot.of(round + 1, T0, given, previous);

      Map<DaemonName, DaemonStatus> daemons = next.daemons();
      assertEquals(expected, daemons, "round " + round);
      assertEquals(List.copyOf(expected.keySet()), List.copyOf(daemons.keySet()));
      assertEquals(List.copyOf(expected.values()), List.copyOf(daemons.values()));
      for (DaemonStatus status : expected.values()) {
        assertSame(status, daemons.get(status.name()), "round " + round);
        assertTrue(daemons.containsKey(status.name()));
      }
      assertNull(daemons.get(DaemonName.of("never-seen")));
      assertFalse(daemons.containsKey(DaemonName.of("never-seen")));
      assertEquals(expected.hashCode(), daemons.hashCode());
      previous = next;
    }
  }

  /** Mostly the same daemons with new statuses, now and then one more or one fewer. */
  private static List<DaemonStatus> nextFleet(Random random, List<DaemonStatus> fleet) {
    List<DaemonStatus> next = new ArrayList<>();
    for (DaemonStatus status : fleet) {
      if (random.nextInt(40) == 0) {
        continue;
      }
      DaemonState state = random.nextInt(10) == 0 ? DaemonState.DOWN : DaemonState.UP;
      // Mostly the same name object, as the sources keep them; now and then an equal new one.
      DaemonName name =
          random.nextInt(5) == 0 ? DaemonName.of(status.name().value()) : status.name();
      next.add(new DaemonStatus(name, state, T0, "test", "registry", T0, null));
    }
    int arrivals = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
    for (int i = 0; i < arrivals || next.isEmpty() && i < 3; i++) {
      String name = "d-" + random.nextInt(200);
      if (next.stream().noneMatch(status -> status.name().value().equals(name))) {
        next.add(status(name, DaemonState.UP));
      }
    }
    return next;
  }

  private static DaemonStatus status(String name, DaemonState state) {
    return new DaemonStatus(DaemonName.of(name), state, T0, "test", "registry", T0, null);
  }

  private static List<String> names(Snapshot snapshot) {
    return snapshot.daemons().keySet().stream().map(DaemonName::value).toList();
  }
}
