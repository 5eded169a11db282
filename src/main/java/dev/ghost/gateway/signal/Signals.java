package dev.ghost.gateway.signal;

import dev.ghost.gateway.alert.Ack;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.alert.NotificationKind;
import dev.ghost.gateway.alert.Routes;
import dev.ghost.gateway.alert.Silence;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.DurationWords;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.domain.TransitionKind;
import dev.ghost.gateway.snapshot.LatestTick;
import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.store.AckStore;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.SilenceStore;
import dev.ghost.gateway.store.StoredEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What people and daemons tell the gateway (heartbeats, fail signals, silences, acknowledgements, a
 * dead letter to send again): each is recorded, then the write side is woken at once. Readers never
 * change anything; this is the one way in for everything that does.
 */
@Singleton
public class Signals {

  /** Where notes made from Slack say they came from. */
  public static final String SLACK = "slack";

  /** The most daemons one Slack-made silence writes a note (and a message) for. */
  private static final int MAX_NOTED = 200;

  @Inject SignalPath path;
  @Inject GatewayConfig config;
  @Inject SilenceStore silences;
  @Inject AckStore acks;
  @Inject Outbox outbox;
  @Inject EventLog eventLog;
  @Inject Routes routes;
  @Inject LatestTick latest;
  @Inject Clock clock;

  /**
   * A daemon is alive for {@code ttl}, or for the configured default when it is null.
   *
   * @return when it will be down without another heartbeat
   */
  public Instant heartbeat(DaemonName daemon, Duration ttl, String message) throws SQLException {
    Duration effective = ttl == null ? config.heartbeat().ttl() : ttl;
    Instant now = clock.instant();
    path.heartbeat(daemon, now, now.plus(effective), message);
    return now.plus(effective);
  }

  /** A daemon has failed, until its next heartbeat. */
  public void fail(DaemonName daemon, String message) throws SQLException {
    path.fail(daemon, clock.instant(), message);
  }

  /**
   * Quiets the daemons the request names until it ends. One made from Slack is also noted in the
   * event log and told on every channel of each daemon it covers now, naming who made it.
   */
  public Silence silence(SilenceRequest request) throws SQLException {
    Instant now = clock.instant();
    Silence silence =
        silences.add(request.match(), request.until(), request.reason(), request.createdBy(), now);
    if (request.createdBy() != null) {
      String what =
          "silenced for "
              + DurationWords.of(Duration.between(now, request.until()))
              + " by "
              + request.createdBy()
              + ": "
              + request.reason();
      List<DaemonStatus> covered =
          currentDaemons().stream()
              .filter(status -> request.match().matches(status.name().value()))
              .limit(MAX_NOTED)
              .toList();
      note(TransitionKind.SILENCED, NotificationKind.SILENCED, covered, what, now);
    }
    path.changed();
    return silence;
  }

  /**
   * Someone took {@code daemon}'s incident: no more reminders about it, and every channel that was
   * told it is down is told who took it.
   *
   * @param by who, as Slack shows them ({@code @alice})
   */
  public void acknowledge(DaemonName daemon, String by) throws SQLException {
    Instant now = clock.instant();
    acks.acknowledge(new Ack(daemon, by, now));
    DaemonStatus status =
        currentDaemons().stream()
            .filter(known -> known.name().equals(daemon))
            .findFirst()
            .orElse(null);
    if (status != null) {
      note(
          TransitionKind.ACKNOWLEDGED,
          NotificationKind.ACKNOWLEDGED,
          List.of(status),
          "acknowledged by " + by,
          now);
    }
    path.changed();
  }

  /**
   * Ends a silence now.
   *
   * @return false when no silence has this id
   */
  public boolean endSilence(long id) throws SQLException {
    boolean ended = silences.delete(id);
    if (ended) {
      path.changed();
    }
    return ended;
  }

  /**
   * Puts a dead letter back in its channel's queue.
   *
   * @return false when no dead letter has this id
   */
  public boolean retryDelivery(long id) throws SQLException {
    boolean queued = outbox.retry(id);
    if (queued) {
      path.deliveries();
    }
    return queued;
  }

  /** Notes in the event log and their notifications in the outbox, in one transaction. */
  private void note(
      TransitionKind kind,
      NotificationKind notification,
      List<DaemonStatus> daemons,
      String reason,
      Instant at)
      throws SQLException {
    if (daemons.isEmpty()) {
      return;
    }
    List<Transition> notes = new ArrayList<>();
    daemons.forEach(
        status ->
            notes.add(Transition.note(kind, status.name(), status.state(), at, reason, SLACK)));
    eventLog.note(
        notes,
        stored ->
            connection ->
                outbox.enqueue(
                    connection, notifications(notification, stored), routes::channelsFor, at));
    path.eventsAdded();
    path.deliveries();
  }

  private static List<Notification> notifications(NotificationKind kind, List<StoredEvent> stored) {
    return stored.stream()
        .map(
            event -> {
              Transition t = event.transition();
              // Unique per note: its event's sequence number, never a snapshot's "n" ids.
              return new Notification(
                  "e" + event.seq(),
                  kind,
                  t.daemon(),
                  t.from(),
                  t.to(),
                  t.at(),
                  null,
                  t.reason(),
                  t.source(),
                  event.snapshotSequence());
            })
        .toList();
  }

  private List<DaemonStatus> currentDaemons() {
    return latest
        .get()
        .map(TickResult::snapshot)
        .map(Snapshot::daemons)
        .map(daemons -> List.copyOf(daemons.values()))
        .orElse(List.of());
  }
}
