package dev.ghost.gateway.api;

import dev.ghost.gateway.GatewayRuntime;
import dev.ghost.gateway.domain.Availability;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.snapshot.EventView;
import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.store.StoredEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The read side that REST and MCP share: the same checks of every argument, the same answers. Bad
 * arguments are {@link ProblemException}s that say what to fix.
 */
@Singleton
public class StatusQueries {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  static final int TRANSITIONS_SHOWN = 20;

  @Inject GatewayRuntime runtime;

  /** One page of events; {@code next} is the {@code after} of the following page. */
  public record EventPage(List<EventView> events, long next) {}

  public AgentStatus status() {
    return AgentStatus.of(snapshot(), runtime.now(), runtime.tick());
  }

  public List<AgentStatus.Down> down() {
    return status().down();
  }

  public DaemonDetail daemon(String name) throws SQLException {
    DaemonName daemon = name(name);
    DaemonStatus status = snapshot().daemons().get(daemon);
    if (status == null) {
      throw new ProblemException(
          Response.Status.NOT_FOUND,
          "no daemon named \"" + daemon + "\"; GET /api/v1/status lists them");
    }
    Instant now = runtime.now();
    return new DaemonDetail(
        daemon.value(),
        status.state().wire(),
        Timestamps.format(status.since()),
        status.reason(),
        status.source(),
        status.lastSeen() == null ? null : Timestamps.format(status.lastSeen()),
        availability(daemon, now, Duration.ofHours(24)),
        availability(daemon, now, Duration.ofDays(7)),
        runtime.eventLog().latestFor(daemon, TRANSITIONS_SHOWN).stream()
            .map(EventView::of)
            .toList());
  }

  /**
   * Events after {@code after}; every argument is text, checked here, so both APIs say the same.
   */
  public EventPage events(String after, String limit, String daemon) throws SQLException {
    long afterSeq = number("after", after, 0, 0, Long.MAX_VALUE);
    int pageSize = (int) number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    DaemonName name = daemon == null || daemon.isBlank() ? null : name(daemon);
    List<StoredEvent> events = runtime.eventLog().page(afterSeq, pageSize, name);
    long next = events.isEmpty() ? afterSeq : events.get(events.size() - 1).seq();
    return new EventPage(events.stream().map(EventView::of).toList(), next);
  }

  static DaemonName name(String name) {
    if (!DaemonName.isValid(name)) {
      throw new ProblemException(
          Response.Status.BAD_REQUEST,
          "a daemon name is 1 to 64 of A-Z a-z 0-9 . _ - (e.g. ghost-bridge)");
    }
    return DaemonName.of(name);
  }

  /** The latest snapshot; a 503 problem before the first. */
  public Snapshot snapshot() {
    TickResult last = runtime.lastTick();
    if (last == null) {
      throw new ProblemException(
          Response.Status.SERVICE_UNAVAILABLE, "the first snapshot has not been taken yet");
    }
    return last.snapshot();
  }

  private Double availability(DaemonName daemon, Instant now, Duration window) throws SQLException {
    Instant start = now.minus(window);
    List<StoredEvent> history = runtime.eventLog().historyFrom(daemon, start);
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
    throw new ProblemException(
        Response.Status.BAD_REQUEST,
        "\"" + param + "\" must be a whole number from " + min + " to " + max);
  }
}
