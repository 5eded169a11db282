package dev.ghost.gateway.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.alert.AlertPolicy;
import dev.ghost.gateway.alert.AlertSettings;
import dev.ghost.gateway.alert.Routes;
import dev.ghost.gateway.domain.DeclaredDaemon;
import dev.ghost.gateway.domain.Freshness;
import dev.ghost.gateway.snapshot.AlertStage;
import dev.ghost.gateway.snapshot.SnapshotEngine;
import dev.ghost.gateway.snapshot.SourceReports;
import dev.ghost.gateway.snapshot.StatusFileWriter;
import dev.ghost.gateway.snapshot.StatusPublisher;
import dev.ghost.gateway.source.DaemonSource;
import dev.ghost.gateway.source.HeartbeatSource;
import dev.ghost.gateway.store.AckStore;
import dev.ghost.gateway.store.AlertStateStore;
import dev.ghost.gateway.store.DeliveryReport;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.SilenceStore;
import dev.ghost.gateway.store.StoredEvent;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Builds a real {@link SnapshotEngine} over a data directory, the way the gateway does. */
public final class Engines {

  private Engines() {}

  /** An engine whose alert policy runs with the defaults and routes to no channel. */
  public static SnapshotEngine create(
      Clock clock,
      Path dataDir,
      DataSource store,
      List<DaemonSource> sources,
      List<DeclaredDaemon> declared,
      Consumer<List<StoredEvent>> announcer) {
    return create(
        clock,
        dataDir,
        store,
        sources,
        declared,
        announcer,
        alerts(
            store, AlertSettings.defaults(Set.of("heartbeat")), new Routes(List.of(), List.of())));
  }

  public static SnapshotEngine create(
      Clock clock,
      Path dataDir,
      DataSource store,
      List<DaemonSource> sources,
      List<DeclaredDaemon> declared,
      Consumer<List<StoredEvent>> announcer,
      AlertStage alerts) {
    return new SnapshotEngine(
        clock,
        new SnapshotEngine.Settings(
            new Freshness(Duration.ofSeconds(15)), "test-host", dataDir, 20),
        new SnapshotEngine.Inputs(
            sources, declared, () -> SourceReports.NONE, () -> DeliveryReport.NONE, () -> null),
        new SnapshotEngine.Outputs(
            new EventLog(store),
            new StatusPublisher(),
            new StatusFileWriter(dataDir.resolve("status.json")),
            announcer,
            new ObjectMapper(),
            connection -> {}),
        alerts);
  }

  /**
   * An engine over heartbeats alone, its notifications routed to channel {@code c}, resumed as a
   * gateway resumes at start; its start settles when {@code settled} says.
   */
  public static SnapshotEngine heartbeats(
      Path dataDir, DataSource store, HeartbeatSource heartbeats, BooleanSupplier settled)
      throws SQLException {
    return heartbeats(dataDir, store, heartbeats, settled, () -> {});
  }

  /** The same, {@code enqueued} told when a commit has put something in the outbox. */
  public static SnapshotEngine heartbeats(
      Path dataDir,
      DataSource store,
      HeartbeatSource heartbeats,
      BooleanSupplier settled,
      Runnable enqueued)
      throws SQLException {
    SnapshotEngine engine =
        create(
            Clock.systemUTC(),
            dataDir,
            store,
            List.of(heartbeats),
            List.of(),
            events -> {},
            alerts(
                store,
                AlertSettings.defaults(Set.of(HeartbeatSource.SOURCE)),
                new Routes(List.of(), List.of("c")),
                settled,
                enqueued));
    engine.resume();
    return engine;
  }

  public static AlertStage alerts(DataSource store, AlertSettings settings, Routes routes) {
    return alerts(store, settings, routes, () -> true);
  }

  /** With {@code startSettled} telling when the sources have had their first say. */
  public static AlertStage alerts(
      DataSource store, AlertSettings settings, Routes routes, BooleanSupplier startSettled) {
    return alerts(store, settings, routes, startSettled, () -> {});
  }

  /** With {@code enqueued} told when a commit has put something in the outbox for a sender. */
  public static AlertStage alerts(
      DataSource store,
      AlertSettings settings,
      Routes routes,
      BooleanSupplier startSettled,
      Runnable enqueued) {
    return new AlertStage(
        new AlertPolicy(settings),
        new AlertStateStore(store),
        new Outbox(store),
        new SilenceStore(store),
        new AckStore(store),
        routes,
        enqueued,
        startSettled);
  }
}
