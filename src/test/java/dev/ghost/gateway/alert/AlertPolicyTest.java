package dev.ghost.gateway.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.SnapshotDiff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alert policy as a table: a daemon's state in successive snapshots (15 s apart, the default
 * tick) and the messages they must produce. "D" down, "U" up, "?" unknown, "-" absent.
 */
class AlertPolicyTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final Duration TICK = Duration.ofSeconds(15);

  static Stream<Arguments> sequences() {
    return Stream.of(
        Arguments.of("one DOWN snapshot is not enough", "U D", "registry", ""),
        Arguments.of("two DOWN snapshots announce a down", "U D D", "registry", "down@2"),
        Arguments.of("a blip that recovers says nothing", "U D U U", "registry", ""),
        Arguments.of("a heartbeat DOWN is confirmed at once", "U D", "heartbeat", "down@1"),
        Arguments.of(
            "a recovery is announced at once", "U D D U", "registry", "down@2 recovered@3"),
        Arguments.of(
            "unknown keeps what people were told", "U D D ? ? U", "registry", "down@2 recovered@5"),
        Arguments.of("unknown after up says nothing", "U ? ? U", "registry", ""),
        Arguments.of("down stays one message", "U D D D D D", "registry", "down@2"),
        Arguments.of("a daemon appearing down is announced", "- D D", "registry", "down@2"),
        Arguments.of("removal while down is told", "U D D -", "registry", "down@2 removed@3"),
        Arguments.of("removal while up says nothing", "U U -", "registry", ""),
        Arguments.of(
            "four changes in ten minutes: one flapping message, then quiet",
            "U D U D U D U D U",
            "heartbeat",
            "down@1 recovered@2 down@3 flapping@4"));
  }

  @ParameterizedTest(name = "{0}: {1} ({2}) -> {3}")
  @MethodSource("sequences")
  void sequence(String name, String states, String source, String expected) {
    Run run = new Run(AlertSettings.defaults(Set.of("heartbeat")));
    run.script(states, source);
    assertEquals(expected, run.log());
  }

  /**
   * Daemons are evaluated in no particular order, so the messages are put in name order and
   * numbered after: a reader sees one tick's messages in the same order each time, and the same
   * decision made again gives the same ids.
   */
  @Test
  void oneTicksMessagesAreInNameOrderAndNumberedInIt() {
    Run run = new Run(AlertSettings.defaults(Set.of("heartbeat")));
    List<String> names = new ArrayList<>();
    Map<String, String> up = new HashMap<>();
    Map<String, String> down = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      String name = "daemon-" + (char) ('a' + (i * 7) % 26) + i;
      names.add(name);
      up.put(name, "U");
      down.put(name, "D");
    }
    run.step(0, up, "heartbeat");
    run.step(1, down, "heartbeat");

    names.sort(null);
    List<String> told = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Notification n : run.sent) {
      told.add(n.subject());
      ids.add(n.id());
    }
    assertEquals(names, told);
    for (int i = 0; i < ids.size(); i++) {
      assertEquals("n2-" + (i + 1), ids.get(i));
    }
  }

  @Test
  void aFlappingDaemonIsAnnouncedOnceItHasBeenStableForFlapQuiet() {
    Run run = new Run(AlertSettings.defaults(Set.of("heartbeat")));
    run.script("U D U D U D", "heartbeat");
    // Down from step 5 on; 5 min of stability is 20 ticks.
    for (int i = 6; i < 30; i++) {
      run.step(i, Map.of("d", "D"), "heartbeat");
    }
    assertEquals("down@1 recovered@2 down@3 flapping@4 down@25", run.log());
  }

  /**
   * One that flaps between blips it never confirmed stays announced up, waiting on nothing but its
   * quiet period; it is told the tick that period ends, not a tick later, and nothing before.
   */
  @Test
  void aFlappingDaemonAnnouncedUpIsToldTheTickItsQuietEnds() {
    Run run = new Run(AlertSettings.defaults(Set.of()));
    run.script("U D U D U", "registry");
    // The last change is at step 4; 5 min of stability later is step 24.
    for (int i = 5; i < 40; i++) {
      run.step(i, Map.of("d", "U"), "registry");
    }
    assertEquals("flapping@4 recovered@24", run.log());
  }

  @ParameterizedTest(name = "remind every {0}, down for {1} ticks: {2}")
  @CsvSource({"1, 12, down@2 reminder@6 reminder@10", "0, 100, down@2"})
  void remindersComeEveryRemindEveryWhileDownUnlessOff(int minutes, int ticks, String expected) {
    AlertSettings settings =
        new AlertSettings(
            2,
            1,
            4,
            Duration.ofMinutes(10),
            Duration.ofMinutes(5),
            minutes == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes)),
            Set.of());
    Run run = new Run(settings);
    run.upThenDown(ticks);
    assertEquals(expected, run.log());
  }

  @Test
  void anAcknowledgedIncidentGetsNoRemindersButItsRecoveryAndTheNextIncidentAreTold() {
    AlertSettings settings =
        new AlertSettings(
            2,
            1,
            4,
            Duration.ofMinutes(10),
            Duration.ofMinutes(5),
            Optional.of(Duration.ofMinutes(1)),
            Set.of());
    Run run = new Run(settings);
    DaemonName d = DaemonName.of("d");
    run.step(0, Map.of("d", "U"), "registry");
    for (int tick = 1; tick <= 3; tick++) {
      run.step(tick, Map.of("d", "D"), "registry");
    }
    run.acks = Map.of(d, new Ack(d, "@alice", T0.plus(TICK.multipliedBy(3))));
    for (int tick = 4; tick <= 12; tick++) {
      run.step(tick, Map.of("d", "D"), "registry");
    }
    run.step(13, Map.of("d", "U"), "registry");
    for (int tick = 14; tick <= 20; tick++) {
      run.step(tick, Map.of("d", "D"), "registry");
    }
    assertEquals("down@2 recovered@13 down@15 reminder@19", run.log());
  }

  @Test
  void aRecoveryCarriesTheDowntime() {
    Run run = new Run(AlertSettings.defaults(Set.of()));
    run.step(0, Map.of("d", "U"), "registry");
    run.step(1, Map.of("d", "D"), "registry");
    run.step(2, Map.of("d", "D"), "registry");
    run.step(5, Map.of("d", "U"), "registry");
    Notification recovered = run.sent.get(run.sent.size() - 1);
    assertEquals(NotificationKind.RECOVERED, recovered.kind());
    assertEquals(TICK.multipliedBy(4), recovered.downtime());
  }

  @Test
  void upAfterAndDownAfterAreCounted() {
    AlertSettings settings =
        new AlertSettings(
            3, 2, 10, Duration.ofMinutes(10), Duration.ofMinutes(5), Optional.empty(), Set.of());
    Run run = new Run(settings);
    run.script("U D D D U U D", "registry");
    assertEquals("down@3 recovered@5", run.log());
  }

  @Test
  void theFirstStartSendsOneSummary() {
    Run run = new Run(AlertSettings.defaults(Set.of()));
    Map<String, String> states = new HashMap<>();
    for (int i = 0; i < 14; i++) {
      states.put("d" + i, i < 2 ? "D" : "U");
    }
    run.first(states);
    assertEquals(1, run.sent.size());
    assertEquals("gateway started: 14 daemons, 2 down: d0, d1", run.sent.get(0).reason());
    // The two that are down were told; their recovery follows, nothing else.
    states.put("d0", "U");
    run.step(1, states, "registry");
    assertEquals("summary@0 recovered@1", run.log());
  }

  @Test
  void aSilencedDownIsNotSentAndItsEndIsTold() {
    Run run = new Run(AlertSettings.defaults(Set.of()));
    Silence silence = new Silence(1, Glob.of("d*"), T0.plus(TICK.multipliedBy(5)), "deploy", T0);
    run.silences = List.of(silence);
    run.upThenDown(8);
    assertEquals("still_down@5", run.log());
  }

  @Test
  void aSilencedBlipSaysNothingAtAll() {
    Run run = new Run(AlertSettings.defaults(Set.of()));
    run.silences = List.of(new Silence(1, Glob.of("*"), T0.plus(TICK.multipliedBy(5)), "", T0));
    run.script("U D D D U U U U", "registry");
    assertEquals("", run.log());
  }

  @Test
  void aRecoveryIsSentEvenUnderASilenceWhenTheDownWasTold() {
    Run run = new Run(AlertSettings.defaults(Set.of()));
    run.step(0, Map.of("d", "U"), "registry");
    run.step(1, Map.of("d", "D"), "registry");
    run.step(2, Map.of("d", "D"), "registry");
    run.silences = List.of(new Silence(1, Glob.of("d"), T0.plus(Duration.ofHours(1)), "", T0));
    run.step(3, Map.of("d", "U"), "registry");
    assertEquals("down@2 recovered@3", run.log());
  }

  @Test
  void idsAreUniquePerSnapshotAndNotification() {
    Run run = new Run(AlertSettings.defaults(Set.of("heartbeat")));
    run.step(0, Map.of("a", "U", "b", "U"), "heartbeat");
    run.step(1, Map.of("a", "D", "b", "D"), "heartbeat");
    assertEquals(List.of("n2-1", "n2-2"), run.sent.stream().map(Notification::id).toList());
  }

  @Test
  void theBookForgetsDaemonsWithNothingToRemember() {
    Run run = new Run(AlertSettings.defaults(Set.of()));
    run.step(0, Map.of("d", "U"), "registry");
    run.step(1, Map.of("d", "D"), "registry");
    run.step(2, Map.of("d", "U"), "registry");
    assertTrue(run.book.containsKey(DaemonName.of("d")), "recent changes are remembered");
    run.step(60, Map.of("d", "U"), "registry");
    assertTrue(run.book.isEmpty(), "after the flap window nothing is left: " + run.book);
  }

  /** Feeds snapshots through the policy the way the engine does, keeping its book. */
  private static final class Run {
    /** Daemon "d" from the registry: up at tick 0, down from tick 1 to {@code ticks - 1}. */
    void upThenDown(int ticks) {
      for (int i = 0; i < ticks; i++) {
        step(i, Map.of("d", i == 0 ? "U" : "D"), "registry");
      }
    }

    /** One step per tick from 0: "U D D" is up, then down twice, for daemon "d". */
    void script(String states, String source) {
      String[] steps = states.split(" ");
      for (int i = 0; i < steps.length; i++) {
        step(i, Map.of("d", steps[i]), source);
      }
    }

    final AlertPolicy policy;
    final Map<DaemonName, DaemonAlert> book = new HashMap<>();
    final List<Notification> sent = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    List<Silence> silences = List.of();
    Map<DaemonName, Ack> acks = Map.of();
    Snapshot previous = Snapshot.EMPTY;

    Run(AlertSettings settings) {
      policy = new AlertPolicy(settings);
    }

    void first(Map<String, String> states) {
      apply(0, snapshot(0, states, "registry"), true);
    }

    void step(int tick, Map<String, String> states, String source) {
      apply(tick, snapshot(tick, states, source), false);
    }

    private void apply(int tick, Snapshot next, boolean firstStart) {
      AlertPolicy.Decision decision =
          policy.decide(
              book, next, SnapshotDiff.between(previous, next), silences, acks, firstStart);
      decision.applyTo(book);
      for (Notification n : decision.notifications()) {
        sent.add(n);
        log.add(n.kind().wire() + "@" + tick);
      }
      previous = next;
    }

    private Snapshot snapshot(int tick, Map<String, String> states, String source) {
      Instant at = T0.plus(TICK.multipliedBy(tick));
      List<DaemonStatus> statuses = new ArrayList<>();
      states.forEach(
          (name, code) -> {
            if (code.equals("-")) {
              return;
            }
            DaemonState state =
                switch (code) {
                  case "D" -> DaemonState.DOWN;
                  case "U" -> DaemonState.UP;
                  default -> DaemonState.UNKNOWN;
                };
            DaemonStatus before = previous.daemons().get(DaemonName.of(name));
            Instant since = before != null && before.state() == state ? before.since() : at;
            statuses.add(
                new DaemonStatus(
                    DaemonName.of(name), state, since, "reason " + code, source, at, null));
          });
      return Snapshot.of(tick + 1, at, statuses);
    }

    String log() {
      return String.join(" ", log);
    }
  }
}
