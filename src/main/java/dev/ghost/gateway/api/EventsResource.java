package dev.ghost.gateway.api;

import dev.ghost.gateway.query.StatusQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Pages through the event log, oldest first. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

  @Inject StatusQueries queries;

  // Query parameters arrive as text: a JAX-RS conversion failure would answer 404, not say what is
  // wrong.
  @GET
  @RequiresScope(Scope.READ)
  @Operation(
      operationId = "listEvents",
      summary =
          "Changes of state (appeared, down, up, unknown, removed), oldest first, after a sequence"
              + " number; pass next as after to page on.")
  @APIResponse(
      responseCode = "200",
      description = "One page of events.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StatusQueries.EventPage.class),
              examples = @ExampleObject(name = "one down", value = Examples.EVENTS)))
  @APIResponse(responseCode = "400", ref = GatewayApi.BAD_REQUEST)
  public StatusQueries.EventPage events(
      @Parameter(
              description = "Only events with a larger sequence number; 0 (default) for all.",
              example = "0",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int64",
                      minimum = "0",
                      defaultValue = "0"))
          @QueryParam("after")
          String after,
      @Parameter(
              description = "At most this many events, 1 to 500; default 100.",
              example = "100",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "500",
                      defaultValue = "100"))
          @QueryParam("limit")
          String limit,
      @Parameter(
              description = "Only this daemon's events.",
              example = "ghost-bridge",
              schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9._-]{1,64}$"))
          @QueryParam("daemon")
          String daemon)
      throws SQLException {
    return queries.events(after, limit, daemon);
  }
}
