package dev.ghost.gateway.snapshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Observation;
import dev.ghost.gateway.source.DaemonSource;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.testsupport.Engines;
import dev.ghost.gateway.testsupport.ManualTicker;
import dev.ghost.gateway.testsupport.SqliteStores;
import dev.ghost.gateway.time.Ticker;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotSchedulerTest {

  @TempDir Path dataDir;

  @Test
  void aBurstOfAThousandSignalsCostsAFewSnapshotsAndTheLastSignalIsSeen() throws Exception {
    AtomicInteger state = new AtomicInteger();
    SnapshotEngine engine = engine(counting(state), SqliteStores.migrated(dataDir.resolve("g.db")));
    engine.resume();
    List<Long> observedValues = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger snapshots = new AtomicInteger();
    try (SnapshotScheduler scheduler =
        new SnapshotScheduler(
            Ticks.of(engine),
            Duration.ofHours(1),
            Ticker.SYSTEM,
            result -> {
              snapshots.incrementAndGet();
              observedValues.add(result.snapshot().daemons().values().iterator().next().pid());
            })) {
      scheduler.start();
      await().until(() -> snapshots.get() == 1);

      CountDownLatch go = new CountDownLatch(1);
      List<Thread> senders = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread sender =
            new Thread(
                () -> {
                  awaitQuietly(go);
                  for (int i = 0; i < 250; i++) {
                    state.incrementAndGet();
                    scheduler.changed();
                  }
                });
        sender.start();
        senders.add(sender);
      }
      go.countDown();
      for (Thread sender : senders) {
        sender.join();
      }

      await().until(() -> observedValues.contains(1000L));
      int taken = snapshots.get() - 1;
      assertTrue(taken >= 1 && taken < 100, "a burst of 1000 signals took " + taken + " snapshots");
    }
  }

  @Test
  void aSignalStartsASnapshotWithinMilliseconds() throws Exception {
    SnapshotEngine engine = countingEngine();
    AtomicInteger snapshots = new AtomicInteger();
    AtomicLong lastAt = new AtomicLong();
    try (SnapshotScheduler scheduler =
        new SnapshotScheduler(
            Ticks.of(engine),
            Duration.ofHours(1),
            Ticker.SYSTEM,
            result -> {
              lastAt.set(System.nanoTime());
              snapshots.incrementAndGet();
            })) {
      scheduler.start();
      await().until(() -> snapshots.get() == 1);

      long signalledAt = System.nanoTime();
      scheduler.changed();

      await().atMost(Duration.ofSeconds(1)).until(() -> snapshots.get() == 2);
      assertTrue(lastAt.get() - signalledAt < Duration.ofMillis(500).toNanos());
    }
  }

  @Test
  void aFailingStoreLosesNoTransitionAndStoresNoneTwice() throws Exception {
    AtomicBoolean broken = new AtomicBoolean();
    DataSource real = SqliteStores.migrated(dataDir.resolve("g.db"));
    AtomicReference<DaemonState> reported = new AtomicReference<>(DaemonState.UP);
    DaemonSource source = switchable(reported);
    SnapshotEngine engine = engine(source, SqliteStores.breakable(real, broken));
    engine.resume();
    engine.take();

    broken.set(true);
    reported.set(DaemonState.DOWN);
    TickResult failed = engine.take();
    TickResult stillFailing = engine.take();
    broken.set(false);
    TickResult recovered = engine.take();
    TickResult after = engine.take();

    assertTrue(failed.storeError().isPresent());
    assertTrue(stillFailing.storeError().isPresent());
    assertEquals(1, recovered.events().size());
    assertEquals(DaemonState.DOWN, recovered.events().get(0).transition().to());
    assertEquals(List.of(), after.events());
    assertEquals(2, new EventLog(real).page(0, 100, null).size());
  }

  /**
   * Every snapshot the store refuses asks for a retry a second later; a store that stays down must
   * get one retry a second in all, not one more retry chain for every refused snapshot.
   */
  @Test
  void aStoreThatStaysDownIsRetriedOnceASecondNotOnceMorePerFailure() throws Exception {
    DataSource broken =
        SqliteStores.breakable(
            SqliteStores.migrated(dataDir.resolve("g.db")), new AtomicBoolean(true));
    SnapshotEngine engine = engine(counting(new AtomicInteger()), broken);
    AtomicInteger snapshots = new AtomicInteger();
    ManualTicker ticker = new ManualTicker();
    try (SnapshotScheduler scheduler =
        new SnapshotScheduler(
            Ticks.of(engine), Duration.ofHours(1), ticker, result -> snapshots.incrementAndGet())) {
      scheduler.start();
      for (int signal = 1; signal <= 20; signal++) {
        int taken = signal;
        await().until(() -> snapshots.get() >= taken);
        scheduler.changed();
      }
      await().until(() -> snapshots.get() >= 21);
      ticker.awaitParked(1);

      for (int second = 1; second <= 3; second++) {
        int before = snapshots.get();
        ticker.advance(Duration.ofSeconds(1));
        await().until(() -> snapshots.get() > before);
        ticker.awaitParked(1);
        assertEquals(before + 1, snapshots.get(), "one retry in second " + second);
      }
    }
  }

  @Test
  void ticksComeAtTheirRateOnTheTickersTime() throws Exception {
    SnapshotEngine engine = countingEngine();
    AtomicInteger snapshots = new AtomicInteger();
    ManualTicker ticker = new ManualTicker();
    try (SnapshotScheduler scheduler =
        new SnapshotScheduler(
            Ticks.of(engine),
            Duration.ofSeconds(15),
            ticker,
            result -> snapshots.incrementAndGet())) {
      scheduler.start();
      await().until(() -> snapshots.get() == 1);
      ticker.awaitParked(1);

      ticker.advance(Duration.ofMillis(14_999));
      ticker.awaitParked(1);
      assertEquals(1, snapshots.get(), "no tick before its time");
      ticker.advance(Duration.ofMillis(1));
      await().until(() -> snapshots.get() == 2);
      ticker.advance(Duration.ofSeconds(15));
      await().until(() -> snapshots.get() == 3);
    }
  }

  /** An engine of one counted daemon over a real store, resumed. */
  private SnapshotEngine countingEngine() throws SQLException {
    SnapshotEngine engine =
        engine(counting(new AtomicInteger()), SqliteStores.migrated(dataDir.resolve("g.db")));
    engine.resume();
    return engine;
  }

  private SnapshotEngine engine(DaemonSource source, DataSource dataSource) {
    return Engines.create(
        Clock.systemUTC(), dataDir, dataSource, List.of(source), List.of(), events -> {});
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reports one daemon as the test scripts it, at each observation. */
  private record ScriptedSource(Function<Instant, Observation> next) implements DaemonSource {
    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public List<Observation> observe(Instant now) {
      return List.of(next.apply(now));
    }

    @Override
    public void restore(DaemonStatus known) {}
  }

  /** One UP daemon whose pid field carries the counter, so a snapshot shows what it saw. */
  private static DaemonSource counting(AtomicInteger counter) {
    return new ScriptedSource(
        now ->
            new Observation(
                DaemonName.of("counted"),
                DaemonState.UP,
                "",
                "scripted",
                now,
                (long) counter.get()));
  }

  private static DaemonSource switchable(AtomicReference<DaemonState> state) {
    return new ScriptedSource(
        now -> new Observation(DaemonName.of("switched"), state.get(), "", "scripted", now, null));
  }
}
