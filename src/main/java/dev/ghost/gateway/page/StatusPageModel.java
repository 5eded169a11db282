package dev.ghost.gateway.page;

import dev.ghost.gateway.alert.Ack;
import dev.ghost.gateway.domain.Counts;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.DurationWords;
import dev.ghost.gateway.domain.Health;
import dev.ghost.gateway.domain.HistoryStrip;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.query.StatusQueries;
import dev.ghost.gateway.store.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the status page shows: the overall state in words, one row per daemon with its 24-hour
 * strip, and the latest transitions. Plain values; the template escapes every one of them.
 *
 * @param after the newest event's sequence number, where the page's event stream resumes
 */
public record StatusPageModel(
    String health,
    String headline,
    String updatedAt,
    boolean stale,
    Counts counts,
    List<Row> rows,
    List<Event> events,
    long after,
    long refreshSeconds) {

  /** Hours in the strip. */
  static final int SLICES = 24;

  static final Duration WINDOW = Duration.ofHours(24);

  /**
   * One daemon. {@code strip} holds a CSS state per hour, oldest first ("none" before it was
   * known).
   *
   * @param acknowledgedBy who took its current incident, or null
   */
  public record Row(
      String name,
      String state,
      String since,
      String sinceWords,
      String reason,
      String source,
      List<String> strip,
      String stripLabel,
      String acknowledgedBy) {}

  /** One transition in the latest-changes list. */
  public record Event(long seq, String at, String daemon, String change, String reason) {}

  /** The page of {@code recent}: its window of changes holds every event of the last 24 hours. */
  public static StatusPageModel of(StatusQueries.Recent recent) {
    Snapshot snapshot = recent.snapshot();
    List<StoredEvent> window = recent.window();
    List<StoredEvent> latest = recent.latest();
    Instant now = recent.now();
    Duration tick = recent.freshness().tick();
    Map<DaemonName, List<Transition>> byDaemon = new HashMap<>();
    for (StoredEvent event : window) {
      byDaemon
          .computeIfAbsent(event.transition().daemon(), name -> new ArrayList<>())
          .add(event.transition());
    }
    Instant from = now.minus(WINDOW);
    List<Row> rows = new ArrayList<>();
    for (DaemonStatus status : snapshot.daemons().values()) {
      List<DaemonState> strip =
          HistoryStrip.of(
              status.state(), byDaemon.getOrDefault(status.name(), List.of()), from, now, SLICES);
      rows.add(
          new Row(
              status.name().value(),
              status.state().wire(),
              Timestamps.format(status.since()),
              DurationWords.of(Duration.between(status.since(), now)),
              status.reason(),
              status.source(),
              strip.stream().map(state -> state == null ? "none" : state.wire()).toList(),
              stripLabel(strip),
              acknowledgedBy(recent.acks().get(status.name()), status)));
    }
    List<Event> events = new ArrayList<>();
    for (int i = latest.size() - 1; i >= 0; i--) {
      events.add(event(latest.get(i)));
    }
    Counts counts = snapshot.counts();
    Health health = Health.of(counts);
    return new StatusPageModel(
        health.wire(),
        headline(health),
        Timestamps.format(snapshot.takenAt()),
        recent.freshness().isStale(snapshot.takenAt(), now),
        counts,
        rows,
        events,
        latest.isEmpty() ? 0 : latest.get(latest.size() - 1).seq(),
        Math.max(5, tick.toSeconds()));
  }

  static String headline(Health health) {
    return switch (health) {
      case OPERATIONAL -> "All daemons up";
      case DEGRADED -> "Some daemons are down or unknown";
      case MAJOR_OUTAGE -> "Major outage";
      case UNKNOWN -> "No daemon known yet";
    };
  }

  private static Event event(StoredEvent stored) {
    Transition t = stored.transition();
    String change =
        t.kind().isNote()
            ? t.kind().wire()
            : (t.from() == null ? "appeared" : t.from().wire())
                + " → "
                + (t.to() == null ? "removed" : t.to().wire());
    return new Event(
        stored.seq(), Timestamps.format(t.at()), t.daemon().value(), change, t.reason());
  }

  /** Who took a down daemon's incident: an ack made since it went down. */
  private static String acknowledgedBy(Ack ack, DaemonStatus status) {
    return ack != null && status.state() == DaemonState.DOWN && ack.covers(status.since())
        ? ack.by()
        : null;
  }

  /** The strip in words, for screen readers: "last 24 h: down in 2 of 24 hours". */
  private static String stripLabel(List<DaemonState> strip) {
    long down = strip.stream().filter(state -> state == DaemonState.DOWN).count();
    long known = strip.stream().filter(state -> state != null).count();
    return "last 24 h: down in " + down + " of " + known + " hours known";
  }
}
