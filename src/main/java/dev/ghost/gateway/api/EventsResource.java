package dev.ghost.gateway.api;

import dev.ghost.gateway.GatewayRuntime;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.snapshot.EventView;
import dev.ghost.gateway.store.StoredEvent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;

/** Pages through the event log, oldest first. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  @Inject GatewayRuntime runtime;

  /**
   * One page of events.
   *
   * @param next pass it as {@code after} to get the following page; equal to the request's {@code
   *     after} when there is nothing new yet
   */
  public record EventPage(List<EventView> events, long next) {}

  // Query parameters arrive as text: a JAX-RS conversion failure would answer 404, not say what is
  // wrong.
  @GET
  @RequiresScope(Scope.READ)
  public EventPage events(
      @QueryParam("after") String after,
      @QueryParam("limit") String limit,
      @QueryParam("daemon") String daemon)
      throws SQLException {
    long afterSeq = number("after", after, 0, 0, Long.MAX_VALUE);
    int pageSize = (int) number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    DaemonName name = daemon == null ? null : DaemonSignalResource.daemonName(daemon);
    List<StoredEvent> events = runtime.eventLog().page(afterSeq, pageSize, name);
    long next = events.isEmpty() ? afterSeq : events.get(events.size() - 1).seq();
    return new EventPage(events.stream().map(EventView::of).toList(), next);
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
