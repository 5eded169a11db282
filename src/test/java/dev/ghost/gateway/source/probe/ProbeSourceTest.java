package dev.ghost.gateway.source.probe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.Observation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProbeSourceTest {

  private static final DaemonName NAME = DaemonName.of("web");

  @Test
  void aProbeHangingPastItsIntervalDelaysNoObservation() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Probe hanging =
        probe(
            () -> {
              awaitQuietly(release);
              return new ProbeOutcome(true, "late", Duration.ofSeconds(5));
            });
    try (ProbeSource source = source(List.of(scheduled(NAME, hanging, 200)), 4, () -> {})) {
      source.start();
      Thread.sleep(300);

      long started = System.nanoTime();
      List<Observation> observations = source.observe(Instant.now());
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertEquals(DaemonState.UNKNOWN, observations.get(0).state());
      assertEquals("not probed yet", observations.get(0).reason());
      assertTrue(tookMillis < 1000, "observe waited " + tookMillis + " ms for a hanging probe");
      release.countDown();
    }
  }

  @Test
  void theLatestResultCountsAndAChangeOfStateSignals() {
    AtomicReference<Boolean> up = new AtomicReference<>(true);
    AtomicInteger signals = new AtomicInteger();
    Probe flipping =
        probe(() -> new ProbeOutcome(up.get(), up.get() ? "fine" : "broken", Duration.ofMillis(3)));
    try (ProbeSource source =
        source(List.of(scheduled(NAME, flipping, 100)), 4, signals::incrementAndGet)) {
      source.start();
      await().atMost(Duration.ofSeconds(2)).until(() -> stateNow(source) == DaemonState.UP);
      int afterUp = signals.get();

      up.set(false);

      await().atMost(Duration.ofSeconds(2)).until(() -> stateNow(source) == DaemonState.DOWN);
      assertEquals(afterUp + 1, signals.get());
      assertEquals("broken", source.observe(Instant.now()).get(0).reason());
      assertEquals(3L, source.reports().get("web").latencyMs());
    }
  }

  @Test
  void aResultOlderThanTwoIntervalsIsUnknown() {
    try (ProbeSource source =
        source(
            List.of(scheduled(NAME, probe(() -> new ProbeOutcome(true, "ok", Duration.ZERO)), 100)),
            1,
            () -> {})) {
      source.start();
      await().atMost(Duration.ofSeconds(2)).until(() -> stateNow(source) == DaemonState.UP);
      source.close();

      Observation later = source.observe(Instant.now().plusSeconds(5)).get(0);

      assertEquals(DaemonState.UNKNOWN, later.state());
      assertTrue(later.reason().startsWith("last probe result is 5 s old"), later.reason());
    }
  }

  @Test
  void noMoreThanMaxInFlightProbesRunAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Probe slow =
        probe(
            () -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              sleepQuietly(50);
              running.decrementAndGet();
              return new ProbeOutcome(true, "ok", Duration.ofMillis(50));
            });
    List<ScheduledProbe> probes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      probes.add(scheduled(DaemonName.of("d" + i), slow, 1000));
    }
    try (ProbeSource source = source(probes, 3, () -> {})) {
      source.start();
      await()
          .atMost(Duration.ofSeconds(3))
          .until(
              () ->
                  source.observe(Instant.now()).stream()
                      .allMatch(o -> o.state() == DaemonState.UP));
    }

    assertTrue(most.get() <= 3, most.get() + " probes ran at once");
  }

  private static DaemonState stateNow(ProbeSource source) {
    return source.observe(Instant.now()).get(0).state();
  }

  private static ProbeSource source(
      List<ScheduledProbe> probes, int maxInFlight, dev.ghost.gateway.source.ChangeSignal signal) {
    return new ProbeSource(Clock.systemUTC(), probes, maxInFlight, signal);
  }

  private static ScheduledProbe scheduled(DaemonName name, Probe probe, long intervalMillis) {
    return new ScheduledProbe(name, probe, Duration.ofMillis(intervalMillis));
  }

  /**
   * A probe whose outcome the test decides; the probes themselves are tested against real peers.
   */
  private static Probe probe(java.util.function.Supplier<ProbeOutcome> outcome) {
    return new Probe() {
      @Override
      public String kind() {
        return "test";
      }

      @Override
      public ProbeOutcome run() {
        return outcome.get();
      }
    };
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
