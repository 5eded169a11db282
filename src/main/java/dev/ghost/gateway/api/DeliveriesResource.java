package dev.ghost.gateway.api;

import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.query.AdminQueries;
import dev.ghost.gateway.signal.Signals;
import dev.ghost.gateway.store.OutboxEntry;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The outbox: what is pending, what was sent, and the dead letters, which an admin can resend. */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

  @Inject AdminQueries queries;
  @Inject Signals signals;

  /** One notification on its way to one channel. Errors never hold a secret. */
  public record DeliveryView(
      long id,
      String channel,
      String notificationId,
      String type,
      String daemon,
      String from,
      String to,
      String at,
      String reason,
      String state,
      int attempts,
      String lastError,
      String createdAt,
      String doneAt) {

    static DeliveryView of(OutboxEntry entry) {
      Notification n = entry.notification();
      return new DeliveryView(
          entry.id(),
          entry.channel(),
          n.id(),
          n.kind().wire(),
          n.daemon() == null ? null : n.daemon().value(),
          n.from() == null ? null : n.from().wire(),
          n.to() == null ? null : n.to().wire(),
          Timestamps.format(n.at()),
          n.reason(),
          entry.state().wire(),
          entry.attempts(),
          entry.lastError(),
          Timestamps.format(entry.created()),
          time(entry.done()));
    }

    private static String time(Instant at) {
      return at == null ? null : Timestamps.format(at);
    }
  }

  @GET
  @RequiresScope(Scope.ADMIN)
  @Operation(
      operationId = "listDeliveries",
      summary =
          "Notifications by delivery state, newest first: failed (dead letters), pending or sent."
              + " Needs scope admin.")
  @APIResponse(
      responseCode = "200",
      description = "The deliveries.",
      content = @Content(schema = @Schema(implementation = DeliveryView[].class)))
  @APIResponse(responseCode = "400", ref = GatewayApi.BAD_REQUEST)
  public List<DeliveryView> list(
      @Parameter(
              description = "failed, pending or sent",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"failed", "pending", "sent"}))
          @QueryParam("state")
          @DefaultValue("failed")
          String state,
      @Parameter(description = "At most this many, 1 to 500.")
          @QueryParam("limit")
          @DefaultValue("100")
          int limit)
      throws SQLException {
    if (limit < 1 || limit > 500) {
      throw new ProblemException(Response.Status.BAD_REQUEST, "\"limit\" must be from 1 to 500");
    }
    OutboxEntry.State wanted;
    try {
      wanted = OutboxEntry.State.fromWire(state);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Response.Status.BAD_REQUEST, "\"state\" must be failed, pending or sent");
    }
    return queries.deliveries(wanted, limit).stream().map(DeliveryView::of).toList();
  }

  @POST
  @Path("{id}/retry")
  @RequiresScope(Scope.ADMIN)
  @Operation(
      operationId = "retryDelivery",
      summary = "Send a dead letter again: it goes back to its channel's queue. Needs scope admin.")
  @APIResponse(responseCode = "202", description = "Queued again.")
  @APIResponse(responseCode = "404", ref = GatewayApi.NOT_FOUND)
  public Response retry(
      @Parameter(description = "The dead letter's id, as listDeliveries gives it.") @PathParam("id")
          String id)
      throws SQLException {
    long outboxId = IdParam.parse(id, "dead letter");
    if (!signals.retryDelivery(outboxId)) {
      throw new ProblemException(Response.Status.NOT_FOUND, "no dead letter with id " + id);
    }
    return Response.accepted(new Retried(outboxId, "pending")).build();
  }

  /** The answer to a retry. */
  public record Retried(long id, String state) {}
}
