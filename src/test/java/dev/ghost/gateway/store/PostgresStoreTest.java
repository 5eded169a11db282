package dev.ghost.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.alert.Ack;
import dev.ghost.gateway.alert.Glob;
import dev.ghost.gateway.alert.NotificationKind;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.domain.TransitionKind;
import dev.ghost.gateway.snapshot.SnapshotEngine;
import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.source.HeartbeatSource;
import dev.ghost.gateway.testsupport.Engines;
import dev.ghost.gateway.testsupport.Outboxes;
import dev.ghost.gateway.testsupport.PostgresStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same migrations and the same store SQL on a real PostgreSQL 14: a tick records events, the
 * alert memory and outbox rows in one transaction; the outbox, silences, acks, incidents and notes
 * read and write as they do on SQLite. This is the ground the several-instances mode stands on.
 */
class PostgresStoreTest {

  private static PostgresStores postgres;
  private static DataSource store;

  @TempDir Path dataDir;

  @BeforeAll
  static void start() {
    postgres = PostgresStores.start();
    store = postgres.migrated();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aTickRecordsEventsAlertMemoryAndOutboxRowsAndAResumeReadsThemBack() throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      HeartbeatSource heartbeats =
          new HeartbeatSource(Clock.systemUTC(), Duration.ofMinutes(1), timer, () -> {});
      DaemonName daemon = DaemonName.of("pg-bridge");
      heartbeats.beat(daemon, Duration.ofMinutes(5), null);
      SnapshotEngine engine = Engines.heartbeats(dataDir, store, heartbeats, () -> true);
      engine.take();
      heartbeats.fail(daemon, "out of memory");
      TickResult down = engine.take();

      assertTrue(down.storeError().isEmpty(), down.storeError().toString());
      assertEquals(DaemonState.DOWN, down.events().get(0).transition().to());
      Outbox outbox = new Outbox(store);
      List<OutboxEntry> pending = outbox.pending("c", 10);
      assertEquals(
          List.of(NotificationKind.SUMMARY, NotificationKind.DOWN),
          pending.stream().map(entry -> entry.notification().kind()).toList());
      assertEquals(
          DaemonState.DOWN, new EventLog(store).lastSnapshot().daemons().get(daemon).state());
      assertTrue(new AlertStateStore(store).load().containsKey(daemon));

      outbox.attempted(pending.subList(0, 1), "HTTP 503");
      outbox.sent(pending.subList(0, 1), Instant.now());
      outbox.failed(pending.subList(1, 2), "HTTP 404 no_service", Instant.now());
      assertEquals(1, outbox.counts().get("c").failed());
      assertEquals(2, outbox.list(OutboxEntry.State.SENT, 5).get(0).attempts());
      assertTrue(outbox.retry(pending.get(1).id()));
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void silencesAcksIncidentsAndNotesReadAndWrite() throws Exception {
    Instant now = Instant.now();
    SilenceStore silences = new SilenceStore(store);
    var silence = silences.add(Glob.of("pg-*"), now.plusSeconds(3600), "deploy", "@alice", now);
    assertEquals("@alice", silences.active(now).get(0).createdBy());
    assertTrue(silences.delete(silence.id()));

    AckStore acks = new AckStore(store);
    DaemonName daemon = DaemonName.of("pg-acked");
    acks.acknowledge(new Ack(daemon, "@alice", now));
    acks.acknowledge(new Ack(daemon, "@bob", now.plusSeconds(1)));
    assertEquals("@bob", acks.all().get(daemon).by());

    IncidentStore incidents = new IncidentStore(store);
    IncidentStore.Message message = new IncidentStore.Message("C0", "1.2");
    incidents.opened("bot", message, List.of(IncidentStore.Member.down("pg-acked", now, "x")));
    incidents.opened("bot", message, List.of(IncidentStore.Member.down("pg-acked", now, "x")));
    incidents.noted("bot", message, "pg-acked", "acknowledged by @bob");
    assertEquals("acknowledged by @bob", incidents.members("bot", message).get(0).note());

    EventLog log = new EventLog(store);
    List<StoredEvent> notes = noteAcknowledged(log, new Outbox(store), daemon, now);
    assertEquals(TransitionKind.ACKNOWLEDGED, log.latestFor(daemon, 5).get(0).transition().kind());
    assertEquals(notes.get(0).seq(), log.latest(1).get(0).seq());
  }

  /**
   * Two instances note at once (each with its own event log, so no lock in the process is shared):
   * every event and outbox row still gets a number of its own, one after another.
   */
  @Test
  void notesFromSeveralInstancesAtOnceAreNumberedOneAfterAnother() throws Exception {
    long before = new EventLog(store).latest(1).stream().mapToLong(StoredEvent::seq).sum();
    DaemonName daemon = DaemonName.of("pg-noted");
    Instant now = Instant.now();
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int instance = 0; instance < 2; instance++) {
        EventLog log = new EventLog(store);
        Outbox outbox = new Outbox(store);
        running.add(
            instances.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    noteAcknowledged(log, outbox, daemon, now);
                  }
                  return null;
                }));
      }
      for (Future<?> instance : running) {
        instance.get(60, TimeUnit.SECONDS);
      }
    } finally {
      instances.shutdownNow();
    }
    List<Long> seqs =
        new EventLog(store).page(before, 100, daemon).stream().map(StoredEvent::seq).toList();
    assertEquals(LongStream.rangeClosed(before + 1, before + 50).boxed().toList(), seqs);
  }

  /** What an acknowledgement from Slack writes: a note and its notification, in one transaction. */
  private static List<StoredEvent> noteAcknowledged(
      EventLog log, Outbox outbox, DaemonName daemon, Instant now) throws Exception {
    return log.note(
        List.of(
            Transition.note(
                TransitionKind.ACKNOWLEDGED, daemon, DaemonState.DOWN, now, "by @bob", "slack")),
        stored ->
            connection ->
                outbox.enqueue(
                    connection,
                    List.of(Outboxes.down(daemon.value(), "noted")),
                    n -> List.of("notes"),
                    now));
  }
}
