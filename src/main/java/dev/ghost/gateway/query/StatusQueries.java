package dev.ghost.gateway.query;

import dev.ghost.gateway.alert.Ack;
import dev.ghost.gateway.domain.Availability;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Freshness;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.snapshot.EventFeed;
import dev.ghost.gateway.snapshot.EventView;
import dev.ghost.gateway.snapshot.LatestTick;
import dev.ghost.gateway.snapshot.StatusPublisher;
import dev.ghost.gateway.store.AckStore;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.StoredEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The queries about daemons and their changes that REST, MCP and the page share: the same checks of
 * every argument, the same answers. Bad arguments are {@link QueryRefused}s that say what to fix.
 */
@Singleton
public class StatusQueries {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  static final int TRANSITIONS_SHOWN = 20;

  @Inject LatestTick latest;
  @Inject StatusPublisher publisher;
  @Inject EventFeed feed;
  @Inject EventLog eventLog;
  @Inject AckStore acks;
  @Inject Clock clock;
  @Inject Freshness freshness;

  /** One page of events; {@code next} is the {@code after} of the following page. */
  @Schema(description = "One page of changes of state.")
  public record EventPage(
      @Schema(required = true, description = "Changes, oldest first.") List<EventView> events,
      @Schema(
              required = true,
              minimum = "0",
              description = "Pass as after to get the next page; equal to after when none came.")
          long next) {}

  /**
   * What the status page shows, read at one instant.
   *
   * @param window the changes of the last {@code window}, oldest first, for the history strips
   * @param latest the latest changes, oldest first
   */
  public record Recent(
      Snapshot snapshot,
      List<StoredEvent> window,
      List<StoredEvent> latest,
      Map<DaemonName, Ack> acks,
      Instant now,
      Freshness freshness) {}

  public AgentStatus status() {
    return AgentStatus.of(snapshot(), clock.instant(), freshness);
  }

  public List<AgentStatus.Down> down() {
    return status().down();
  }

  public DaemonDetail daemon(String name) throws SQLException {
    DaemonName daemon = name(name);
    DaemonStatus status = snapshot().daemons().get(daemon);
    if (status == null) {
      throw new QueryRefused(
          QueryRefused.Reason.NOT_FOUND,
          "no daemon named \"" + daemon + "\"; GET /api/v1/status lists them");
    }
    Instant now = clock.instant();
    return new DaemonDetail(
        daemon.value(),
        status.state().wire(),
        Timestamps.format(status.since()),
        status.reason(),
        status.source(),
        status.lastSeen() == null ? null : Timestamps.format(status.lastSeen()),
        availability(daemon, now, Duration.ofHours(24)),
        availability(daemon, now, Duration.ofDays(7)),
        eventLog.latestFor(daemon, TRANSITIONS_SHOWN).stream().map(EventView::of).toList());
  }

  /**
   * Events after {@code after}; every argument is text, checked here, so both APIs say the same.
   */
  public EventPage events(String after, String limit, String daemon) throws SQLException {
    long afterSeq = number("after", after, 0, 0, Long.MAX_VALUE);
    int pageSize = (int) number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    DaemonName name = daemon == null || daemon.isBlank() ? null : name(daemon);
    return eventPage(afterSeq, pageSize, name);
  }

  /** Events after {@code after}, at most {@code limit}, of one daemon or (null) of all. */
  public EventPage eventPage(long after, int limit, DaemonName daemon) throws SQLException {
    List<StoredEvent> events = eventLog.page(after, limit, daemon);
    long next = events.isEmpty() ? after : events.get(events.size() - 1).seq();
    return new EventPage(events.stream().map(EventView::of).toList(), next);
  }

  /** Calls {@code listener} after every snapshot that stored events, until the handle is closed. */
  public AutoCloseable onEvents(Runnable listener) {
    return feed.subscribe(listener);
  }

  /** The latest status document as served and written, or empty before the first snapshot. */
  public Optional<StatusPublisher.Published> document() {
    return Optional.ofNullable(publisher.current());
  }

  /** The latest snapshot and the changes around it, for the status page. */
  public Recent recent(Duration window, int windowMax, int latestMax) throws SQLException {
    Instant now = clock.instant();
    return new Recent(
        snapshot(),
        eventLog.since(now.minus(window), windowMax),
        eventLog.latest(latestMax),
        acks.all(),
        now,
        freshness);
  }

  /** The name, checked. */
  public static DaemonName name(String name) {
    if (!DaemonName.isValid(name)) {
      throw new QueryRefused(
          QueryRefused.Reason.BAD_ARGUMENT,
          "a daemon name is 1 to 64 of A-Z a-z 0-9 . _ - (e.g. ghost-bridge)");
    }
    return DaemonName.of(name);
  }

  /** The latest snapshot; refused (not ready) before the first. */
  public Snapshot snapshot() {
    return latest
        .get()
        .orElseThrow(
            () ->
                new QueryRefused(
                    QueryRefused.Reason.NOT_READY, "the first snapshot has not been taken yet"))
        .snapshot();
  }

  private Double availability(DaemonName daemon, Instant now, Duration window) throws SQLException {
    Instant start = now.minus(window);
    List<StoredEvent> history = eventLog.historyFrom(daemon, start);
    DaemonState atStart = null;
    int first = 0;
    if (!history.isEmpty() && history.get(0).transition().at().isBefore(start)) {
      atStart = history.get(0).transition().to();
      first = 1;
    }
    List<Transition> inside =
        history.subList(first, history.size()).stream().map(StoredEvent::transition).toList();
    OptionalDouble share = Availability.over(start, now, atStart, inside);
    return share.isPresent() ? Math.round(share.getAsDouble() * 10_000) / 10_000.0 : null;
  }

  private static long number(String param, String text, long fallback, long min, long max) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // Answered below with the range.
    }
    throw new QueryRefused(
        QueryRefused.Reason.BAD_ARGUMENT,
        "\"" + param + "\" must be a whole number from " + min + " to " + max);
  }
}
