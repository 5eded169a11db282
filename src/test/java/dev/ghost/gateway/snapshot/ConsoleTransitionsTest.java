package dev.ghost.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.store.StoredEvent;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleTransitionsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null, UP, '#7 ghost-bridge (new) -> up: heartbeat [heartbeat]'",
        "UP, DOWN, '#7 ghost-bridge up -> down: heartbeat [heartbeat]'",
        "DOWN, null, '#7 ghost-bridge down -> (removed): heartbeat [heartbeat]'"
      })
  void oneReadableLinePerTransition(DaemonState from, DaemonState to, String line) {
    Transition transition =
        new Transition(
            DaemonName.of("ghost-bridge"), from, to, Instant.EPOCH, "heartbeat", "heartbeat");

    assertEquals(line, ConsoleTransitions.line(new StoredEvent(7, 3, transition)));
  }
}
