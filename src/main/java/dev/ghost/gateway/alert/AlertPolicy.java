package dev.ghost.gateway.alert;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, from one snapshot's transitions and what it remembers about each daemon, what to tell
 * people: confirmed downs, recoveries, flapping, reminders, the end of a silence. Pure: the caller
 * stores the decision and adopts the changed memory only once it is stored, so a failed store
 * repeats the same decision on the next snapshot instead of losing or doubling it.
 */
public final class AlertPolicy {

  /**
   * @param changed the daemons whose memory changed; {@link DaemonAlert#QUIET} means forget it
   */
  public record Decision(Map<DaemonName, DaemonAlert> changed, List<Notification> notifications) {

    /** Adopts the changed memory into {@code book}, once the decision is stored. */
    public void applyTo(Map<DaemonName, DaemonAlert> book) {
      changed.forEach(
          (name, alert) -> {
            if (alert.quiet()) {
              book.remove(name);
            } else {
              book.put(name, alert);
            }
          });
    }
  }

  private final AlertSettings settings;

  public AlertPolicy(AlertSettings settings) {
    this.settings = settings;
  }

  /**
   * @param book what the policy remembers, by daemon; daemons absent from it are {@link
   *     DaemonAlert#QUIET}
   * @param acks the latest acknowledgement of each daemon that has one
   * @param firstStart whether this is the first snapshot of an empty data directory
   */
  public Decision decide(
      Map<DaemonName, DaemonAlert> book,
      Snapshot snapshot,
      List<Transition> transitions,
      List<Silence> silences,
      Map<DaemonName, Ack> acks,
      boolean firstStart) {
    Out out = new Out(snapshot.sequence());
    if (firstStart) {
      return new Decision(firstStart(snapshot, out), out.numbered());
    }
    Map<DaemonName, List<Transition>> byDaemon = new HashMap<>();
    for (Transition transition : transitions) {
      byDaemon.computeIfAbsent(transition.daemon(), name -> new ArrayList<>()).add(transition);
    }
    Instant now = snapshot.takenAt();
    // Only daemons that changed, or that the book says may act now: with thousands of daemons
    // remembered for their recent changes, a tick must not walk them all.
    List<DaemonName> names = new ArrayList<>(byDaemon.keySet());
    Instant forgetBefore = now.minus(settings.changeMemory());
    Instant quietFrom = quietFrom(now);
    book.forEach(
        (name, alert) -> {
          if (mayAct(alert, quietFrom, forgetBefore) && !byDaemon.containsKey(name)) {
            names.add(name);
          }
        });
    Map<DaemonName, DaemonAlert> changed = new HashMap<>();
    for (DaemonName name : names) {
      DaemonAlert before = book.getOrDefault(name, DaemonAlert.QUIET);
      boolean silenced = silenced(silences, name, now);
      DaemonAlert after =
          evaluate(
              name,
              before,
              snapshot.daemons().get(name),
              byDaemon.getOrDefault(name, List.of()),
              silenced,
              acks.get(name),
              now,
              out);
      if (!after.equals(before)) {
        changed.put(name, after);
      }
    }
    return new Decision(changed, out.numbered());
  }

  /**
   * One message about every daemon instead of one per daemon: on an empty data directory every
   * daemon "appears", and a page of "appeared" messages would bury the two that are down.
   */
  private Map<DaemonName, DaemonAlert> firstStart(Snapshot snapshot, Out out) {
    Map<DaemonName, DaemonAlert> changed = new LinkedHashMap<>();
    List<String> down = new ArrayList<>();
    for (DaemonStatus status : snapshot.daemons().values()) {
      if (status.state() == DaemonState.DOWN) {
        down.add(status.name().value());
        changed.put(
            status.name(),
            DaemonAlert.QUIET.announcedDown(status.since(), false, snapshot.takenAt()));
      }
    }
    out.summary(snapshot.takenAt(), StartSummary.of(snapshot.daemons().size(), down));
    return changed;
  }

  private DaemonAlert evaluate(
      DaemonName name,
      DaemonAlert before,
      DaemonStatus status,
      List<Transition> own,
      boolean silenced,
      Ack ack,
      Instant now,
      Out out) {
    List<Instant> changes = remember(before.changes(), own, now);
    DaemonAlert alert =
        new DaemonAlert(
            before.announced(),
            before.downSince(),
            before.streak(),
            changes,
            before.flapping(),
            before.silenced(),
            before.lastSent());
    if (status == null) {
      if (alert.announced() == DaemonState.DOWN && !alert.silenced()) {
        Transition removal = own.isEmpty() ? null : own.get(own.size() - 1);
        out.add(
            NotificationKind.REMOVED,
            name,
            DaemonState.DOWN,
            null,
            removal == null ? now : removal.at(),
            alert.downSince(),
            "removed while down",
            removal == null ? "" : removal.source());
      }
      return DaemonAlert.QUIET;
    }
    // UNKNOWN is neither news nor good news: it keeps what people were told.
    DaemonState target = status.state() == DaemonState.UNKNOWN ? alert.announced() : status.state();
    alert = alert.withStreak(target == alert.announced() ? 0 : alert.streak() + 1);

    if (!alert.flapping() && recentChanges(changes, now) >= settings.flapChanges()) {
      if (!silenced) {
        out.add(
            NotificationKind.FLAPPING,
            name,
            alert.announced(),
            status.state(),
            now,
            null,
            changes.size() + " changes in " + minutes(settings.flapWindow()),
            status.source());
        return alert.withFlapping(true, now);
      }
      return alert.withFlapping(true, alert.lastSent());
    }
    if (alert.flapping()) {
      if (unsettled(changes, quietFrom(now))) {
        return alert;
      }
      // Stable for flap-quiet. The last word people had was "flapping", so the state it settled
      // in is announced, even when it is the state announced before the flapping began.
      alert = alert.settled();
      if (status.state() != DaemonState.UNKNOWN) {
        return announce(name, alert, status, silenced, now, out);
      }
    }

    if (alert.streak() > 0 && alert.streak() >= needed(target, status)) {
      return announce(name, alert, status, silenced, now, out);
    }
    if (alert.announced() == DaemonState.DOWN && alert.silenced() && !silenced) {
      out.add(
          NotificationKind.STILL_DOWN,
          name,
          DaemonState.DOWN,
          status.state(),
          now,
          alert.downSince(),
          "silence ended; " + status.reason(),
          status.source());
      return alert.reminded(now);
    }
    // Someone took this incident: reminders would only repeat what they know. Its recovery still
    // comes, above.
    if (reminderDue(alert, now) && (ack == null || !ack.covers(alert.downSince()))) {
      out.add(
          NotificationKind.REMINDER,
          name,
          DaemonState.DOWN,
          status.state(),
          now,
          alert.downSince(),
          status.reason(),
          status.source());
      return alert.reminded(now);
    }
    return alert;
  }

  private DaemonAlert announce(
      DaemonName name,
      DaemonAlert alert,
      DaemonStatus status,
      boolean silenced,
      Instant now,
      Out out) {
    if (status.state() == DaemonState.DOWN) {
      if (silenced) {
        return alert.announcedDown(status.since(), true, alert.lastSent());
      }
      out.add(
          NotificationKind.DOWN,
          name,
          DaemonState.UP,
          DaemonState.DOWN,
          status.since(),
          status.since(),
          status.reason(),
          status.source());
      return alert.announcedDown(status.since(), false, now);
    }
    // Recoveries are always sent, silence or not: whoever was told "down" must hear "up". A down
    // that was taken in silently needs no recovery.
    if (!alert.silenced()) {
      out.add(
          NotificationKind.RECOVERED,
          name,
          DaemonState.DOWN,
          DaemonState.UP,
          status.since(),
          alert.downSince(),
          status.reason(),
          status.source());
    }
    return alert.announcedUp();
  }

  /**
   * Whether a daemon without a change this snapshot can still act: it waits on a streak, is
   * announced down (reminders, a silence's end), flaps and has been still for flap-quiet, or has
   * changes old enough to forget.
   *
   * @param quietFrom a flapping daemon that changed after this is still unsettled
   * @param forgetBefore changes before this are forgotten, which is an act of its own
   */
  private static boolean mayAct(DaemonAlert alert, Instant quietFrom, Instant forgetBefore) {
    return alert.streak() > 0
        || alert.announced() == DaemonState.DOWN
        || (alert.flapping() && !unsettled(alert.changes(), quietFrom))
        || alert.silenced()
        || (!alert.changes().isEmpty() && alert.changes().get(0).isBefore(forgetBefore));
  }

  /**
   * Whether a flapping daemon changed after {@code quietFrom}: until it has been still for
   * flap-quiet it has nothing to say, so a fleet of thousands that flap is not looked at daemon by
   * daemon every tick.
   */
  private static boolean unsettled(List<Instant> changes, Instant quietFrom) {
    return !changes.isEmpty() && changes.get(changes.size() - 1).isAfter(quietFrom);
  }

  private Instant quietFrom(Instant now) {
    return now.minus(settings.flapQuiet());
  }

  /** A loop, not a stream: it runs for every daemon that may act, thousands in a tick. */
  private static boolean silenced(List<Silence> silences, DaemonName name, Instant now) {
    for (Silence silence : silences) {
      if (silence.covers(name, now)) {
        return true;
      }
    }
    return false;
  }

  private int needed(DaemonState target, DaemonStatus status) {
    if (target == DaemonState.DOWN) {
      return settings.confirmingSources().contains(status.source()) ? 1 : settings.downAfter();
    }
    return settings.upAfter();
  }

  private boolean reminderDue(DaemonAlert alert, Instant now) {
    return alert.announced() == DaemonState.DOWN
        && !alert.silenced()
        && alert.lastSent() != null
        && settings.remindEvery().isPresent()
        && !alert.lastSent().plus(settings.remindEvery().get()).isAfter(now);
  }

  /** Adds this snapshot's changes between states and forgets those too old to matter. */
  private List<Instant> remember(List<Instant> known, List<Transition> own, Instant now) {
    Instant horizon = now.minus(settings.changeMemory());
    if (own.isEmpty() && (known.isEmpty() || !known.get(0).isBefore(horizon))) {
      // Nothing new and nothing to forget (oldest first): a fleet that flaps has thousands of
      // such daemons to look at every tick, and the same list will do.
      return known;
    }
    List<Instant> changes = new ArrayList<>(known.size() + own.size());
    for (Instant at : known) {
      if (!at.isBefore(horizon)) {
        changes.add(at);
      }
    }
    for (Transition transition : own) {
      if (transition.from() != null && transition.to() != null) {
        changes.add(transition.at());
      }
    }
    return changes;
  }

  private long recentChanges(List<Instant> changes, Instant now) {
    Instant from = now.minus(settings.flapWindow());
    return changes.stream().filter(at -> !at.isBefore(from)).count();
  }

  private static String minutes(Duration window) {
    long minutes = window.toMinutes();
    return minutes >= 1 ? minutes + " min" : window.toSeconds() + " s";
  }

  /** Collects one snapshot's notifications, numbering their ids within it. */
  private static final class Out {

    /** Name order, a summary first; a stable sort keeps each daemon's own messages in order. */
    private static final Comparator<Notification> READING_ORDER =
        Comparator.comparing(
            Notification::daemon, Comparator.nullsFirst(Comparator.<DaemonName>naturalOrder()));

    private final long sequence;
    private final List<Notification> notifications = new ArrayList<>();

    Out(long sequence) {
      this.sequence = sequence;
    }

    /**
     * The messages in name order, numbered in that order. Daemons are evaluated in any order: when
     * a fleet flaps, thousands may act in one tick, and sorting their names cost more than the
     * evaluation; the few messages they give are sorted instead, so the same decision, made again
     * after a failed store, reads and numbers the same.
     */
    List<Notification> numbered() {
      List<Notification> ordered = new ArrayList<>(notifications);
      ordered.sort(READING_ORDER);
      List<Notification> numbered = new ArrayList<>(ordered.size());
      for (Notification n : ordered) {
        numbered.add(
            new Notification(
                "n" + sequence + "-" + (numbered.size() + 1),
                n.kind(),
                n.daemon(),
                n.from(),
                n.to(),
                n.at(),
                n.since(),
                n.reason(),
                n.source(),
                n.sequence()));
      }
      return numbered;
    }

    /** A message about the gateway itself, of no one daemon. */
    void summary(Instant at, String text) {
      add(NotificationKind.SUMMARY, null, null, null, at, null, text, "gateway");
    }

    /**
     * A message about {@code daemon}'s change {@code from} what people were told {@code to} now.
     */
    void add(
        NotificationKind kind,
        DaemonName daemon,
        DaemonState from,
        DaemonState to,
        Instant at,
        Instant since,
        String reason,
        String source) {
      // Numbered by numbered(), once the messages are in reading order.
      notifications.add(
          new Notification("", kind, daemon, from, to, at, since, reason, source, sequence));
    }
  }
}
