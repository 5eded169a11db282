package dev.ghost.gateway.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Observation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatSourceTest {

  private static final DaemonName NAME = DaemonName.of("patch-executor");

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger signals = new AtomicInteger();
  private final HeartbeatSource source =
      new HeartbeatSource(
          Clock.systemUTC(), Duration.ofSeconds(60), timer, signals::incrementAndGet);

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  @Test
  void aHeartbeatKeepsTheDaemonUpUntilItsTtlThenItIsDown() {
    source.beat(NAME, Duration.ofSeconds(90), "ready");
    Instant now = Instant.now();

    Observation fresh = only(now.plusSeconds(89));
    Observation expired = only(now.plusSeconds(200));

    assertEquals(DaemonState.UP, fresh.state());
    assertEquals("heartbeat: ready", fresh.reason());
    assertEquals(DaemonState.DOWN, expired.state());
    assertEquals("no heartbeat for 200 s", expired.reason());
  }

  @Test
  void theEndOfATtlSignalsASnapshotAtOnce() {
    source.beat(NAME, Duration.ofMillis(200), null);
    int afterBeat = signals.get();

    await().atMost(Duration.ofSeconds(1)).until(() -> signals.get() > afterBeat);
    assertEquals(DaemonState.DOWN, only(Instant.now()).state());
  }

  @Test
  void onlyHeartbeatsThatChangeSomethingSignal() {
    source.beat(NAME, null, null);
    source.beat(NAME, null, null);
    source.beat(NAME, null, null);

    assertEquals(1, signals.get());
  }

  @Test
  void aFailSignalIsDownAtOnceAndTheNextHeartbeatRecovers() {
    source.beat(NAME, null, null);
    source.fail(NAME, "disk\nfull");

    Observation failed = only(Instant.now());
    assertEquals(DaemonState.DOWN, failed.state());
    assertEquals("fail signal: disk full", failed.reason());
    assertEquals(2, signals.get());

    source.beat(NAME, null, null);
    assertEquals(DaemonState.UP, only(Instant.now()).state());
    assertEquals(3, signals.get());
  }

  @Test
  void aRestoredDownDaemonStaysDownAndARestoredUpOneGetsAFullTtl() {
    Instant longAgo = Instant.now().minusSeconds(3600);
    source.restore(
        new DaemonStatus(
            NAME, DaemonState.DOWN, longAgo, "no heartbeat for 61 s", "heartbeat", longAgo, null));
    DaemonName other = DaemonName.of("ghost-bridge");
    source.restore(
        new DaemonStatus(other, DaemonState.UP, longAgo, "", "heartbeat", longAgo, null));

    Instant now = Instant.now();
    assertEquals(DaemonState.DOWN, only(now).state());
    assertEquals(
        DaemonState.UP,
        source.observe(now.plusSeconds(59)).stream()
            .filter(o -> o.name().equals(other))
            .findFirst()
            .orElseThrow()
            .state());
  }

  private Observation only(Instant at) {
    return source.observe(at).stream().filter(o -> o.name().equals(NAME)).findFirst().orElseThrow();
  }
}
