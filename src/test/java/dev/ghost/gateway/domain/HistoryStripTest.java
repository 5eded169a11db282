package dev.ghost.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A day in four 6-hour slices. Changes are "hour:from>to" ("-" for not there); the strip is a
 * letter per slice: U up, D down, ? unknown, . not known yet.
 */
class HistoryStripTest {

  private static final Instant FROM = Instant.parse("2026-11-27T00:00:00Z");
  private static final Instant TO = FROM.plus(Duration.ofHours(24));

  @ParameterizedTest(name = "now {0}, changes [{1}] -> {2}")
  @CsvSource({
    "U, '', UUUU",
    "D, '', DDDD",
    "U, '7:U>D 8:D>U', UDUU",
    "U, '5:U>D 7:D>U', DDUU",
    "U, '13:->U', ..UU",
    "?, '9:U>?', U???",
    "D, '23:U>D', UUUD",
    "U, '0:D>U', UUUU",
  })
  void eachSliceShowsTheWorstStateItSaw(String now, String changes, String expected) {
    List<Transition> transitions = new ArrayList<>();
    for (String change : changes.isBlank() ? new String[0] : changes.split(" ")) {
      String[] parts = change.split("[:>]");
      transitions.add(
          new Transition(
              DaemonName.of("d"),
              state(parts[1]),
              state(parts[2]),
              FROM.plus(Duration.ofHours(Long.parseLong(parts[0]))),
              "",
              ""));
    }
    StringBuilder strip = new StringBuilder();
    for (DaemonState slice : HistoryStrip.of(state(now), transitions, FROM, TO, 4)) {
      strip.append(
          slice == null ? "." : slice == DaemonState.UNKNOWN ? "?" : slice.name().charAt(0));
    }
    assertEquals(expected, strip.toString());
  }

  private static DaemonState state(String letter) {
    return switch (letter) {
      case "U" -> DaemonState.UP;
      case "D" -> DaemonState.DOWN;
      case "?" -> DaemonState.UNKNOWN;
      default -> null;
    };
  }
}
