package dev.ghost.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AvailabilityTest {

  private static final Instant START = Instant.parse("2026-01-31T00:00:00Z");
  private static final Instant END = START.plusSeconds(1000);
  private static final DaemonName NAME = DaemonName.of("a");

  static Stream<Arguments> windows() {
    return Stream.of(
        Arguments.of("up all along", DaemonState.UP, List.of(), OptionalDouble.of(1.0)),
        Arguments.of("down all along", DaemonState.DOWN, List.of(), OptionalDouble.of(0.0)),
        Arguments.of(
            "down for the last quarter",
            DaemonState.UP,
            List.of(at(750, DaemonState.UP, DaemonState.DOWN)),
            OptionalDouble.of(0.75)),
        Arguments.of(
            "appeared half way, up since",
            null,
            List.of(at(500, null, DaemonState.UP)),
            OptionalDouble.of(1.0)),
        Arguments.of(
            "unknown time is left out",
            DaemonState.UNKNOWN,
            List.of(
                at(500, DaemonState.UNKNOWN, DaemonState.UP),
                at(750, DaemonState.UP, DaemonState.DOWN)),
            OptionalDouble.of(0.5)),
        Arguments.of("never known", null, List.of(), OptionalDouble.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("windows")
  void isTheUpShareOfTheKnownTime(
      String name, DaemonState atStart, List<Transition> transitions, OptionalDouble expected) {
    assertEquals(expected, Availability.over(START, END, atStart, transitions));
  }

  @ParameterizedTest(name = "{0} s -> {1}")
  @CsvSource({
    "0, 0 s",
    "59, 59 s",
    "60, 1 min",
    "720, 12 min",
    "3600, 1 h",
    "11100, 3 h 5 min",
    "86400, 1 d",
    "187200, 2 d 4 h"
  })
  void durationsReadAsPeopleSayThem(long seconds, String words) {
    assertEquals(words, DurationWords.of(java.time.Duration.ofSeconds(seconds)));
  }

  private static Transition at(long second, DaemonState from, DaemonState to) {
    return new Transition(NAME, from, to, START.plusSeconds(second), "", "test");
  }
}
