package dev.ghost.gateway.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.DeclaredDaemon;
import dev.ghost.gateway.domain.Freshness;
import dev.ghost.gateway.domain.Observation;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.SnapshotAssembler;
import dev.ghost.gateway.domain.SnapshotDiff;
import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.source.DaemonSource;
import dev.ghost.gateway.store.DeliveryReport;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.InTransaction;
import dev.ghost.gateway.store.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes one snapshot at a time: collect, assemble, diff, record, publish, write. Single-threaded by
 * contract ({@link SnapshotScheduler} is its only caller), so it keeps its state in plain fields.
 *
 * <p>The diff baseline only moves forward once the store has recorded a snapshot. If the store
 * fails, the next snapshot is diffed against the last recorded one, so every change still reaches
 * the event log once the store is back: none is lost, none is stored twice.
 */
public final class SnapshotEngine {

  private static final Logger LOG = Logger.getLogger(SnapshotEngine.class.getName());

  /**
   * Fixed facts of this gateway.
   *
   * @param logSize how many of the latest transitions the status document lists
   */
  public record Settings(Freshness freshness, String host, Path dataDir, int logSize) {}

  /**
   * Where a snapshot's facts come from.
   *
   * @param declared daemons the config names, which are DOWN once their grace runs out unreported
   * @param sourceReports what the sources say about themselves, for the status document
   * @param deliveryReport the outbox's counts and each channel's latest trouble, likewise
   * @param cluster the cluster as this leader sees it, or null on a single instance
   */
  public record Inputs(
      List<DaemonSource> sources,
      List<DeclaredDaemon> declared,
      Supplier<SourceReports> sourceReports,
      Supplier<DeliveryReport> deliveryReport,
      Supplier<StatusDocument.Cluster> cluster) {

    public Inputs {
      sources = List.copyOf(sources);
      declared = List.copyOf(declared);
    }
  }

  /**
   * Where a snapshot goes.
   *
   * @param announcer told the events each snapshot stored (the console lines)
   * @param fence runs first in every snapshot's transaction and fails it when this instance may not
   *     write (a cluster's leader that lost its lease); nothing on a single instance
   */
  public record Outputs(
      EventLog eventLog,
      StatusPublisher publisher,
      StatusFileWriter fileWriter,
      Consumer<List<StoredEvent>> announcer,
      ObjectMapper json,
      InTransaction fence) {}

  private final Clock clock;
  private final Settings settings;
  private final List<DaemonSource> sources;
  private final List<DeclaredDaemon> declared;
  private final EventLog eventLog;
  private final StatusPublisher publisher;
  private final StatusFileWriter fileWriter;
  private final Supplier<SourceReports> sourceReports;
  private final Consumer<List<StoredEvent>> announcer;
  private final ObjectMapper json;
  private final AlertStage alerts;
  private final Supplier<DeliveryReport> deliveryReport;
  private final Supplier<StatusDocument.Cluster> cluster;
  private final InTransaction fence;
  private final Instant startedAt;
  private final Deque<StoredEvent> latestEvents = new ArrayDeque<>();
  private final DaemonsJson daemonsJson = new DaemonsJson();

  private Snapshot baseline = Snapshot.EMPTY;
  private long sequence;
  private Instant lastTakenAt;
  private String lastStoreError;

  /** Whether this gateway started on an empty store and has not yet sent its start summary. */
  private boolean firstStart;

  public SnapshotEngine(
      Clock clock, Settings settings, Inputs inputs, Outputs outputs, AlertStage alerts) {
    this.clock = clock;
    this.settings = settings;
    this.sources = inputs.sources();
    this.declared = inputs.declared();
    this.sourceReports = inputs.sourceReports();
    this.deliveryReport = inputs.deliveryReport();
    this.cluster = inputs.cluster();
    this.fence = outputs.fence();
    this.eventLog = outputs.eventLog();
    this.publisher = outputs.publisher();
    this.fileWriter = outputs.fileWriter();
    this.announcer = outputs.announcer();
    this.json = outputs.json();
    this.alerts = alerts;
    this.startedAt = clock.instant();
  }

  /**
   * Continues from the last recorded snapshot: its daemons are the baseline of the first diff and
   * go back to the sources that reported them. A cluster's leader resumes each time it takes the
   * lease, from what the leader before it recorded.
   */
  public void resume() throws SQLException {
    baseline = eventLog.lastSnapshot();
    sequence = baseline.sequence();
    firstStart = sequence == 0;
    alerts.resume();
    for (DaemonStatus known : baseline.daemons().values()) {
      for (DaemonSource source : sources) {
        if (source.name().equals(known.source())) {
          source.restore(known);
        }
      }
    }
    latestEvents.clear();
    latestEvents.addAll(eventLog.latest(settings.logSize()));
    fileWriter.prepare();
  }

  public TickResult take() {
    long started = System.nanoTime();
    // Milliseconds are what the store keeps; truncating here keeps "since" equal across a restart.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Snapshot next = SnapshotAssembler.next(baseline, ++sequence, now, collect(now), declared);
    List<Transition> transitions = SnapshotDiff.between(baseline, next);
    Optional<String> storeError = Optional.empty();
    List<StoredEvent> events = List.of();
    try {
      AlertStage.Pending decided = alerts.decide(next, transitions, firstStart);
      events =
          eventLog.record(
              next,
              transitions,
              connection -> {
                fence.write(connection);
                decided.write(connection);
              });
      alerts.committed(decided);
      firstStart &= !decided.startSummary();
      baseline = next;
      remember(events);
      if (lastStoreError != null) {
        LOG.info("the store records snapshots again");
        lastStoreError = null;
      }
    } catch (SQLException | RuntimeException e) {
      storeError = Optional.of(storeFailed(e));
    }
    boolean onTime = lastTakenAt == null || settings.freshness().onTime(lastTakenAt, now);
    lastTakenAt = now;
    byte[] body = render(next, onTime);
    publisher.publish(body, next.sequence(), next.takenAt());
    Optional<String> writeError = fileWriter.write(body);
    if (!events.isEmpty()) {
      announcer.accept(events);
    }
    return new TickResult(next, events, storeError, writeError, System.nanoTime() - started);
  }

  /** Asks every source; one that throws is logged and skipped, never allowed to stop the tick. */
  private List<Observation> collect(Instant now) {
    List<Observation> observations = new ArrayList<>();
    for (DaemonSource source : sources) {
      try {
        observations.addAll(source.observe(now));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "source " + source.name() + " failed; skipping it this tick", e);
      }
    }
    return observations;
  }

  private void remember(List<StoredEvent> events) {
    for (StoredEvent event : events) {
      latestEvents.addLast(event);
      if (latestEvents.size() > settings.logSize()) {
        latestEvents.removeFirst();
      }
    }
  }

  private String storeFailed(Exception e) {
    String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (!cause.equals(lastStoreError)) {
      lastStoreError = cause;
      LOG.warning("cannot record the snapshot in the store, will diff again next tick: " + cause);
    }
    return cause;
  }

  private byte[] render(Snapshot snapshot, boolean onTime) {
    StatusDocument.Context context =
        new StatusDocument.Context(
            settings.host(),
            startedAt,
            onTime,
            sourceReports.get(),
            deliveryReport.get(),
            List.copyOf(latestEvents),
            SystemInfo.read(settings.dataDir()),
            cluster.get());
    try {
      DaemonsJson.Rendered daemons = daemonsJson.render(snapshot.daemons().values());
      return daemons.document(json, StatusDocument.of(snapshot, context, daemons));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
