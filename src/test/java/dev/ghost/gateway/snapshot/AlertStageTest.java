package dev.ghost.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.alert.NotificationKind;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.source.HeartbeatSource;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.OutboxEntry;
import dev.ghost.gateway.testsupport.Engines;
import dev.ghost.gateway.testsupport.SqliteStores;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert policy inside a real tick: notifications reach the outbox in the snapshot's own
 * transaction, so a failing store neither loses one nor stores one twice, and a restart neither
 * repeats the start summary nor forgets what was announced.
 */
class AlertStageTest {

  private static final DaemonName BRIDGE = DaemonName.of("ghost-bridge");

  @TempDir Path dataDir;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  private final HeartbeatSource heartbeats =
      new HeartbeatSource(Clock.systemUTC(), Duration.ofMinutes(1), timer, () -> {});

  @BeforeEach
  void bridgeIsUp() {
    heartbeats.beat(BRIDGE, Duration.ofMinutes(5), null);
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void theFirstStartSendsOneSummaryAndARestartSendsNone() throws Exception {
    DataSource store = SqliteStores.migrated(dataDir.resolve("g.db"));
    started(store).take();

    started(store);

    List<OutboxEntry> queued = pending(store);
    assertEquals(1, queued.size());
    assertEquals(NotificationKind.SUMMARY, queued.get(0).notification().kind());
    assertEquals(
        "gateway started: 1 daemon, all up or unknown", queued.get(0).notification().reason());
  }

  /**
   * While the start settles (a probe of the gateway itself finding it down before it listens, then
   * up), nothing is sent; the summary then states the settled snapshot, once.
   */
  @Test
  void theStartSummaryWaitsForTheFirstSettledSnapshotAndStatesIt() throws Exception {
    DataSource store = SqliteStores.migrated(dataDir.resolve("g.db"));
    AtomicBoolean settled = new AtomicBoolean();
    DaemonName self = DaemonName.of("self");
    SnapshotEngine engine = resumed(store, settled::get);
    heartbeats.fail(self, "connection refused");
    engine.take();
    heartbeats.beat(self, Duration.ofMinutes(5), null);
    heartbeats.fail(BRIDGE, "out of memory");
    engine.take();
    assertEquals(List.of(), pending(store), "nothing while the start settles");

    settled.set(true);
    engine.take();
    engine.take();

    List<OutboxEntry> queued = pending(store);
    assertEquals(1, queued.size(), queued.toString());
    assertEquals(
        "gateway started: 2 daemons, 1 down: ghost-bridge", queued.get(0).notification().reason());
  }

  @Test
  void aFailingStoreLosesNoNotificationAndStoresNoneTwice() throws Exception {
    AtomicBoolean broken = new AtomicBoolean();
    DataSource real = SqliteStores.migrated(dataDir.resolve("g.db"));
    SnapshotEngine engine = started(SqliteStores.breakable(real, broken));

    broken.set(true);
    heartbeats.fail(BRIDGE, "out of memory");
    assertTrue(engine.take().storeError().isPresent());
    assertTrue(engine.take().storeError().isPresent());
    broken.set(false);
    engine.take();
    engine.take();

    List<OutboxEntry> downs =
        pending(real).stream()
            .filter(entry -> entry.notification().kind() == NotificationKind.DOWN)
            .toList();
    assertEquals(1, downs.size());
    assertEquals("fail signal: out of memory", downs.get(0).notification().reason());
    assertEquals("c", downs.get(0).channel());
  }

  @Test
  void aRestartRemembersWhatWasAnnounced() throws Exception {
    DataSource store = SqliteStores.migrated(dataDir.resolve("g.db"));
    SnapshotEngine engine = started(store);
    heartbeats.fail(BRIDGE, "crash");
    engine.take();

    SnapshotEngine restarted = started(store);
    heartbeats.beat(BRIDGE, Duration.ofMinutes(5), null);
    restarted.take();

    List<NotificationKind> kinds =
        pending(store).stream().map(entry -> entry.notification().kind()).toList();
    assertEquals(
        List.of(NotificationKind.SUMMARY, NotificationKind.DOWN, NotificationKind.RECOVERED),
        kinds);
  }

  @Test
  void ticksAndTheDeliveryWorkerWriteTheStoreSideBySide() throws Exception {
    DataSource store = SqliteStores.migrated(dataDir.resolve("g.db"));
    SnapshotEngine engine = started(store);
    Outbox outbox = new Outbox(store);
    List<OutboxEntry> summary = outbox.pending("c", 1);
    AtomicBoolean done = new AtomicBoolean();
    Thread worker =
        new Thread(
            () -> {
              while (!done.get()) {
                try {
                  outbox.attempted(summary, "busy");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    worker.start();
    try {
      for (int i = 0; i < 1_000; i++) {
        if (i % 2 == 0) {
          heartbeats.fail(BRIDGE, "flip");
        } else {
          heartbeats.beat(BRIDGE, Duration.ofMinutes(5), null);
        }
        TickResult result = engine.take();
        assertTrue(result.storeError().isEmpty(), "tick " + i + ": " + result.storeError());
      }
    } finally {
      done.set(true);
      worker.join();
    }
  }

  /**
   * The senders hear of a commit before the console does: a storm logs hundreds of lines, and a
   * slow reader of stdout would otherwise hold the sends up behind them.
   */
  @Test
  void theSendersAreWokenBeforeTheConsoleIsTold() throws Exception {
    DataSource store = SqliteStores.migrated(dataDir.resolve("g.db"));
    List<String> order = new CopyOnWriteArrayList<>();

    List<String> told =
        console(
            () ->
                Engines.heartbeats(
                        dataDir, store, heartbeats, () -> true, () -> order.add("senders woken"))
                    .take(),
            order);

    assertEquals(2, order.size(), order.toString());
    assertEquals("senders woken", order.get(0));
    assertTrue(told.get(0).startsWith("notify summary gateway"), told.toString());
  }

  /** A few downs in one tick are a line each; a storm of them is one line that counts them. */
  @Test
  void aStormOfOneKindIsOneConsoleLine() throws Exception {
    DataSource store = SqliteStores.migrated(dataDir.resolve("g.db"));
    SnapshotEngine engine = started(store);
    int few = AlertStage.LINES_PER_KIND;
    for (int i = 0; i < few; i++) {
      heartbeats.beat(DaemonName.of("few-" + i), Duration.ofMinutes(5), null);
      heartbeats.beat(DaemonName.of("many-" + i), Duration.ofMinutes(5), null);
    }
    for (int i = few; i < 30; i++) {
      heartbeats.beat(DaemonName.of("many-" + i), Duration.ofMinutes(5), null);
    }
    engine.take();

    List<String> fewDown =
        console(
            () -> {
              for (int i = 0; i < few; i++) {
                heartbeats.fail(DaemonName.of("few-" + i), "crash");
              }
              engine.take();
            },
            new ArrayList<>());
    List<String> manyDown =
        console(
            () -> {
              for (int i = 0; i < 30; i++) {
                heartbeats.fail(DaemonName.of("many-" + i), "crash");
              }
              engine.take();
            },
            new ArrayList<>());

    assertEquals(few, fewDown.size(), fewDown.toString());
    assertEquals("notify down few-0: fail signal: crash -> [c]", fewDown.get(0));
    assertEquals(
        List.of(
            "notify down 30 daemons -> [c]: many-0, many-1, many-10, many-11, many-12, many-13,"
                + " many-14, many-15, many-16, many-17 and 20 more"),
        manyDown);
    assertEquals(few + 30 + 1, pending(store).size(), "every one is in the outbox all the same");
  }

  /**
   * What {@code action} told the console about notifications, each line also noted in {@code
   * order}.
   */
  private static List<String> console(Action action, List<String> order) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler console =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage());
            order.add("told: " + record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger alerts = Logger.getLogger("dev.ghost.gateway.alerts");
    alerts.addHandler(console);
    try {
      action.run();
    } finally {
      alerts.removeHandler(console);
    }
    return lines;
  }

  private interface Action {
    void run() throws Exception;
  }

  /** An engine over {@code store} as the gateway starts one: resumed, then its first snapshot. */
  private SnapshotEngine started(DataSource store) throws SQLException {
    SnapshotEngine engine = resumed(store, () -> true);
    engine.take();
    return engine;
  }

  /** An engine over {@code store}, resumed, whose start settles when {@code settled} says. */
  private SnapshotEngine resumed(DataSource store, BooleanSupplier settled) throws SQLException {
    return Engines.heartbeats(dataDir, store, heartbeats, settled);
  }

  private static List<OutboxEntry> pending(DataSource store) throws Exception {
    return new Outbox(store).pending("c", 100);
  }
}
