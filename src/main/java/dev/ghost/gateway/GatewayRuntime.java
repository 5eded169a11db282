package dev.ghost.gateway;

import dev.ghost.gateway.cluster.ClusterNode;
import dev.ghost.gateway.cluster.Leadership;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.delivery.DeliveryWorker;
import dev.ghost.gateway.signal.Wakeups;
import dev.ghost.gateway.snapshot.SnapshotEngine;
import dev.ghost.gateway.snapshot.SnapshotScheduler;
import dev.ghost.gateway.source.DaemonThreads;
import dev.ghost.gateway.source.Sources;
import dev.ghost.gateway.store.Migrations;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.StoreFile;
import dev.ghost.gateway.store.StoreSchemaException;
import dev.ghost.gateway.store.WalCheckpoints;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Starts the write side and stops it, in the one order that works, and does nothing else: the parts
 * are made by {@link GatewayParts}, and readers never come here. Start: data directory and schema,
 * the baseline from before a restart, the scheduler, the senders, the sources. Stop: the reverse,
 * with one last snapshot and a drain of the sends in flight.
 */
@Startup
@Singleton
public class GatewayRuntime {

  private static final Logger LOG = Logger.getLogger(GatewayRuntime.class.getName());

  /** How long a stop waits for sends in flight; what is left stays pending for the next start. */
  private static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(10);

  private static final Duration SENT_KEPT = Duration.ofDays(7);

  @Inject GatewayConfig config;
  @Inject GatewayStore store;
  @Inject Clock clock;
  @Inject Sources sources;
  @Inject SnapshotEngine engine;
  @Inject SnapshotScheduler scheduler;
  @Inject DeliveryWorker delivery;
  @Inject Outbox outbox;
  @Inject Wakeups wakeups;
  @Inject Leadership leadership;
  @Inject Optional<ClusterNode> cluster;

  @Inject
  @Named(SharedParts.TIMER)
  ScheduledExecutorService timer;

  /** Its own thread: a checkpoint's fsync must not hold up the timer's heartbeat expiries. */
  private final ScheduledExecutorService checkpoints =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("wal-checkpoint"));

  private WalCheckpoints walCheckpoints;
  private String lastCheckpointProblem;
  private boolean started;

  @PostConstruct
  void start() {
    openStore();
    walCheckpoints = new WalCheckpoints(store.dataSource());
    if (cluster.isEmpty()) {
      // A cluster's leader resumes each time it takes the lease, from what the one before left.
      try {
        engine.resume();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the last snapshot from the store", e);
      }
    }
    wakeups.attach(scheduler::changed, delivery::wake);
    scheduler.start();
    delivery.start();
    cluster.ifPresent(ClusterNode::start);
    timer.scheduleWithFixedDelay(this::pruneOutbox, 1, 60, TimeUnit.MINUTES);
    if (!store.shared()) {
      long every = WalCheckpoints.INTERVAL.toMillis();
      checkpoints.scheduleWithFixedDelay(this::checkpoint, every, every, TimeUnit.MILLISECONDS);
    }
    // Normally HTTP's start starts the probes (below); a server that was already listening (tests
    // restart the application in the same server) sends no such event, so one tick later at most.
    timer.schedule(sources.probes()::start, config.tick().toMillis(), TimeUnit.MILLISECONDS);
    sources.start();
    started = true;
    LOG.info(
        () ->
            "gateway started: data in "
                + config.dataDir().toAbsolutePath().normalize()
                + ", status file "
                + config.resolvedStatusFile().toAbsolutePath().normalize()
                + ", tick "
                + config.tick());
  }

  /**
   * SQLite does not create directories, so the data dir comes first, then the migrations. A store
   * that cannot be opened stops the start with one line naming the file and what to do.
   */
  private void openStore() {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new ConfigurationException(
          StartupChecks.block(
              List.of("gateway.data-dir " + config.dataDir() + " cannot be created: " + e)));
    }
    try {
      Migrations.bundled().apply(store.dataSource());
    } catch (StoreSchemaException e) {
      throw new ConfigurationException(
          StartupChecks.block(
              List.of(
                  "the store "
                      + StoreFile.location(store.jdbcUrl())
                      + " is refused: "
                      + e.getMessage())));
    } catch (SQLException | RuntimeException e) {
      String explained =
          StoreFile.of(store.jdbcUrl())
              .map(file -> file.explain(e))
              .orElseGet(() -> StoreFile.unreachable(store.jdbcUrl(), e));
      throw new ConfigurationException(StartupChecks.block(List.of(explained)));
    }
  }

  /**
   * The gateway's own probes (of its health endpoint, say) would find it down while it does not
   * listen yet, so probing starts once HTTP listens. Each event loop reports its start; the first
   * starts the probes. Quarkus fires this event asynchronously.
   */
  void httpListening(@ObservesAsync HttpServerStart listening) {
    sources.probes().start();
  }

  /** SQLite's log into its file, off every commit's path (see application.properties). */
  private void checkpoint() {
    try {
      walCheckpoints.checkpoint();
      lastCheckpointProblem = null;
    } catch (SQLException | RuntimeException e) {
      if (!e.toString().equals(lastCheckpointProblem)) {
        lastCheckpointProblem = e.toString();
        LOG.warning(
            "cannot checkpoint the store's log; trying again every "
                + WalCheckpoints.INTERVAL.toMillis()
                + " ms: "
                + e);
      }
    }
  }

  /** Sent notifications are kept a week for the deliveries API, then forgotten. */
  private void pruneOutbox() {
    try {
      outbox.pruneSent(clock.instant().minus(SENT_KEPT));
    } catch (SQLException | RuntimeException e) {
      LOG.warning("cannot prune sent notifications: " + e);
    }
  }

  /**
   * On SIGTERM, before Quarkus closes the data source: no new tick, one last snapshot (so
   * status.json and the store end where the gateway did), sources closed, then sends in flight get
   * {@link #SHUTDOWN_DRAIN} to finish. What is still pending stays in the outbox for the next
   * start, so nothing is lost and nothing is sent twice.
   */
  void stop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException, IOException {
    if (!started) {
      return; // the start failed before anything ran (a bad config); there is nothing to stop
    }
    scheduler.close();
    String where = "";
    if (leadership.leading()) {
      where = " at snapshot " + engine.take().snapshot().sequence();
    }
    timer.shutdownNow();
    checkpoints.shutdownNow();
    sources.close();
    delivery.close(SHUTDOWN_DRAIN);
    // Only once the sends in flight are done, so the next leader sends none of them again.
    if (cluster.isPresent()) {
      cluster.get().close();
    }
    LOG.info(
        "gateway stopped"
            + where
            + "; "
            + delivery.report().pending()
            + " notification(s) left pending for the next start");
  }
}
