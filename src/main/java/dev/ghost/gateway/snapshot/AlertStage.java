package dev.ghost.gateway.snapshot;

import dev.ghost.gateway.alert.AlertPolicy;
import dev.ghost.gateway.alert.DaemonAlert;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.alert.NotificationKind;
import dev.ghost.gateway.alert.Routes;
import dev.ghost.gateway.alert.Silence;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.store.AckStore;
import dev.ghost.gateway.store.AlertStateStore;
import dev.ghost.gateway.store.InTransaction;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.SilenceStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs the {@link AlertPolicy} inside a tick and puts its notifications in the outbox, in the same
 * transaction as the events they come from. The policy's memory only moves on once that transaction
 * commits, exactly like the snapshot baseline.
 */
public final class AlertStage {

  private static final Logger LOG = Logger.getLogger("dev.ghost.gateway.alerts");

  /** More notifications of one kind in one tick are told in one console line. */
  static final int LINES_PER_KIND = 5;

  private static final int NAMES_PER_LINE = 10;

  /** A decision waiting for its transaction. */
  public final class Pending implements InTransaction {
    private final AlertPolicy.Decision decision;
    private final Snapshot snapshot;
    private final boolean startSummary;

    /** Each notification's channels, routed once for the outbox and the console both. */
    private final Map<Notification, List<String>> channels = new IdentityHashMap<>();

    private Pending(AlertPolicy.Decision decision, Snapshot snapshot, boolean startSummary) {
      this.decision = decision;
      this.snapshot = snapshot;
      this.startSummary = startSummary;
      decision.notifications().forEach(n -> channels.put(n, routes.channelsFor(n)));
    }

    /** Whether this decision is the first start's summary, which is made once. */
    boolean startSummary() {
      return startSummary;
    }

    @Override
    public void write(Connection connection) throws SQLException {
      states.save(connection, decision.changed());
      outbox.enqueue(connection, decision.notifications(), channels::get, snapshot.takenAt());
    }
  }

  private final AlertPolicy policy;
  private final AlertStateStore states;
  private final Outbox outbox;
  private final SilenceStore silences;
  private final AckStore acks;
  private final Routes routes;
  private final Runnable enqueued;
  private final BooleanSupplier startSettled;
  private final Map<DaemonName, DaemonAlert> book = new HashMap<>();

  /**
   * @param enqueued told after a commit that put something in the outbox (wakes the senders)
   * @param startSettled whether the sources have had their first say (every probe has run once), so
   *     a snapshot tells how the daemons are rather than that nobody has looked yet
   */
  public AlertStage(
      AlertPolicy policy,
      AlertStateStore states,
      Outbox outbox,
      SilenceStore silences,
      AckStore acks,
      Routes routes,
      Runnable enqueued,
      BooleanSupplier startSettled) {
    this.policy = policy;
    this.states = states;
    this.outbox = outbox;
    this.silences = silences;
    this.acks = acks;
    this.routes = routes;
    this.enqueued = enqueued;
    this.startSettled = startSettled;
  }

  void resume() throws SQLException {
    book.clear();
    book.putAll(states.load());
  }

  /**
   * @param firstStart whether the first start's summary has yet to be made. It waits for the first
   *     settled snapshot and says nothing before: the changes of a gateway that has just begun to
   *     look (its own probes finding it down before it listens, then up) are not news, and the
   *     summary states how things are once it has looked.
   */
  Pending decide(Snapshot snapshot, List<Transition> transitions, boolean firstStart)
      throws SQLException {
    if (firstStart && !startSettled.getAsBoolean()) {
      return new Pending(new AlertPolicy.Decision(Map.of(), List.of()), snapshot, false);
    }
    List<Silence> active = silences.active(snapshot.takenAt());
    return new Pending(
        policy.decide(book, snapshot, transitions, active, acks.all(), firstStart),
        snapshot,
        firstStart);
  }

  /**
   * Once the snapshot's transaction has committed: the senders are woken first, then the console is
   * told, so a storm of lines (or a slow reader of stdout) never holds up the sends.
   */
  void committed(Pending pending) {
    pending.decision.applyTo(book);
    Map<Told, List<Notification>> byKind = new LinkedHashMap<>();
    for (Notification n : pending.decision.notifications()) {
      byKind
          .computeIfAbsent(new Told(n.kind(), pending.channels.get(n)), told -> new ArrayList<>())
          .add(n);
    }
    if (byKind.keySet().stream().anyMatch(told -> !told.channels().isEmpty())) {
      enqueued.run();
    }
    byKind.forEach(AlertStage::tell);
  }

  /** A kind of notification and where it went: the console groups a tick's lines by it. */
  private record Told(NotificationKind kind, List<String> channels) {

    String to() {
      return channels.isEmpty() ? " (no channel configured)" : " -> " + channels;
    }
  }

  /**
   * One line a notification, but one line for all of a kind when a tick has more than {@link
   * #LINES_PER_KIND} of them: a storm's hundreds of "flapping" lines would bury the console, as one
   * message a daemon would bury a channel. Each change still has its own line (the transitions')
   * and its event.
   */
  private static void tell(Told told, List<Notification> notifications) {
    if (notifications.size() <= LINES_PER_KIND) {
      for (Notification n : notifications) {
        LOG.info(
            () ->
                "notify " + told.kind().wire() + " " + n.subject() + ": " + n.reason() + told.to());
      }
      return;
    }
    LOG.info(
        () ->
            "notify "
                + told.kind().wire()
                + " "
                + notifications.size()
                + " daemons"
                + told.to()
                + ": "
                + notifications.stream()
                    .limit(NAMES_PER_LINE)
                    .map(Notification::subject)
                    .collect(Collectors.joining(", "))
                + (notifications.size() > NAMES_PER_LINE
                    ? " and " + (notifications.size() - NAMES_PER_LINE) + " more"
                    : ""));
  }
}
