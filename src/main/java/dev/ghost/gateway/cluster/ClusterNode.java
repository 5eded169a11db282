package dev.ghost.gateway.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.snapshot.DocumentSnapshot;
import dev.ghost.gateway.snapshot.EventFeed;
import dev.ghost.gateway.snapshot.LatestTick;
import dev.ghost.gateway.snapshot.StatusDocument;
import dev.ghost.gateway.snapshot.StatusFileWriter;
import dev.ghost.gateway.snapshot.StatusPublisher;
import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.source.HeartbeatSource;
import dev.ghost.gateway.store.HeartbeatRows;
import dev.ghost.gateway.store.InTransaction;
import dev.ghost.gateway.store.LeaseRow;
import dev.ghost.gateway.store.PublishedStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One instance of a cluster on PostgreSQL. It keeps or seeks the lease; as leader it runs the write
 * side (the scheduler and the senders ask {@link #leadership()}), hears every instance's signals,
 * and publishes each snapshot's document to the store; as follower it serves the leader's latest
 * document, byte for byte, and the snapshot read back from it.
 */
public final class ClusterNode implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

  /** What the node tells and serves. */
  public record Published(
      StatusPublisher publisher, LatestTick latest, EventFeed feed, StatusFileWriter file) {}

  /**
   * The write side's doorbells, rung when this instance leads and something came in.
   *
   * @param snapshot takes a snapshot now
   * @param deliveries looks at the outbox now
   */
  public record WriteSide(Runnable snapshot, Runnable deliveries) {}

  private final LeaseKeeper keeper;
  private final StoreBus bus;
  private final HeartbeatRows heartbeatRows;
  private final PublishedStatus documents;
  private final HeartbeatSource heartbeats;
  private final WriteSide writeSide;
  private final Published published;
  private final ObjectMapper json;
  private final ScheduledExecutorService timer;

  // Guarded by this: the document this follower serves.
  private long servedSequence = -1;
  private Instant servedTakenAt = Instant.EPOCH;
  private String lastMirrorProblem;

  public ClusterNode(
      LeaseKeeper.Factory keeperFactory,
      StoreBus bus,
      HeartbeatRows heartbeatRows,
      PublishedStatus documents,
      HeartbeatSource heartbeats,
      WriteSide writeSide,
      Published published,
      ObjectMapper json,
      ScheduledExecutorService timer) {
    this.keeper = keeperFactory.make(new Changes());
    this.bus = bus;
    this.heartbeatRows = heartbeatRows;
    this.documents = documents;
    this.heartbeats = heartbeats;
    this.writeSide = writeSide;
    this.published = published;
    this.json = json;
    this.timer = timer;
  }

  public Leadership leadership() {
    return keeper;
  }

  /** The messages between the instances, which signals also go by. */
  public StoreBus bus() {
    return bus;
  }

  public long takeovers() {
    return keeper.takeovers();
  }

  /** Listens to the others, then seeks the lease; follows the leader's documents meanwhile. */
  public void start() {
    bus.on(StoreBus.Kind.BEAT, this::heard);
    bus.on(StoreBus.Kind.CHANGED, ignored -> whenLeading(writeSide.snapshot()));
    bus.on(StoreBus.Kind.DELIVERIES, ignored -> whenLeading(writeSide.deliveries()));
    bus.on(StoreBus.Kind.EVENTS, ignored -> published.feed().published());
    bus.on(StoreBus.Kind.SNAPSHOT, ignored -> follow());
    bus.on(StoreBus.Kind.RELEASED, ignored -> keeper.poke());
    bus.onListening(this::caughtUp);
    bus.start();
    keeper.start();
    // A message lost while the store was away is made up within a second.
    timer.scheduleWithFixedDelay(this::follow, 1, 1, TimeUnit.SECONDS);
  }

  /** The cluster section of the leader's status document. */
  public StatusDocument.Cluster section() {
    return new StatusDocument.Cluster(keeper.node(), "leader", keeper.node(), keeper.epoch());
  }

  /** Fails a write transaction unless this instance still holds the lease it leads in. */
  public InTransaction fence() {
    return connection -> LeaseRow.fence(keeper.node(), keeper.epoch()).write(connection);
  }

  /** Reads every daemon's last word again: a new leader starts from what all instances heard. */
  public void resumeHeartbeats() throws SQLException {
    heartbeatRows.all().forEach(heartbeats::accept);
  }

  /** After each of the leader's ticks: its document goes to the store, and the others are told. */
  public void afterTick(TickResult result) {
    StatusPublisher.Published current = published.publisher().current();
    if (current == null || current.sequence() != result.snapshot().sequence()) {
      return;
    }
    try {
      documents.save(
          new PublishedStatus.Document(current.sequence(), current.takenAt(), current.body()),
          fence());
      bus.send(StoreBus.Kind.SNAPSHOT, Long.toString(current.sequence()));
    } catch (SQLException e) {
      LOG.warning("cannot publish snapshot " + current.sequence() + " to the others: " + e);
    }
  }

  private void heard(String daemon) {
    if (!keeper.leading()) {
      return;
    }
    try {
      heartbeatRows.of(DaemonName.of(daemon)).ifPresent(heartbeats::accept);
    } catch (SQLException | IllegalArgumentException e) {
      LOG.warning("cannot read the heartbeat of " + daemon + "; the next tick does: " + e);
    }
  }

  private void whenLeading(Runnable action) {
    if (keeper.leading()) {
      action.run();
    }
  }

  /** After listening began again: what a lost message would have said is read from the store. */
  private void caughtUp() {
    if (keeper.leading()) {
      try {
        resumeHeartbeats();
      } catch (SQLException e) {
        LOG.warning("cannot read the heartbeats again; the next takeover does: " + e);
      }
      writeSide.snapshot().run();
      writeSide.deliveries().run();
    }
    follow();
  }

  /** A follower serves the leader's latest document, and the snapshot it was made of. */
  private synchronized void follow() {
    if (keeper.leading()) {
      return;
    }
    try {
      Optional<PublishedStatus.Document> newer = documents.otherThan(servedSequence, servedTakenAt);
      if (newer.isEmpty()) {
        return;
      }
      PublishedStatus.Document document = newer.get();
      Snapshot snapshot =
          DocumentSnapshot.read(document.body(), document.sequence(), document.takenAt(), json);
      published.publisher().publish(document.body(), document.sequence(), document.takenAt());
      Optional<String> writeError = published.file().write(document.body());
      published.latest().set(new TickResult(snapshot, List.of(), Optional.empty(), writeError, 0));
      servedSequence = document.sequence();
      servedTakenAt = document.takenAt();
      lastMirrorProblem = null;
      published.feed().published();
    } catch (SQLException | IOException | RuntimeException e) {
      String problem = e.toString();
      if (!problem.equals(lastMirrorProblem)) {
        lastMirrorProblem = problem;
        LOG.warning("cannot read the leader's latest snapshot: " + problem);
      }
    }
  }

  /** Gives the lease up (the others take it at once) and stops listening. */
  @Override
  public void close() throws InterruptedException {
    boolean led = keeper.leading();
    keeper.close();
    if (led) {
      try {
        bus.send(StoreBus.Kind.RELEASED, keeper.node());
        LOG.info(keeper.node() + " handed the lease over");
      } catch (SQLException e) {
        LOG.warning("cannot tell the others the lease is free; it runs out by itself: " + e);
      }
    }
    bus.close();
  }

  /** Logs who took the lease and why, and wakes the write side of a new leader. */
  private final class Changes implements LeaseKeeper.Changes {

    @Override
    public void took(long epoch, String why) {
      LOG.info(keeper.node() + " leads (epoch " + epoch + "): " + why);
      writeSide.snapshot().run();
      writeSide.deliveries().run();
    }

    @Override
    public void lost(String why) {
      // The follower's poll serves the new leader's documents within a second.
      LOG.warning(keeper.node() + " no longer leads and sends nothing: " + why);
    }
  }
}
