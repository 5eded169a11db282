package dev.ghost.gateway.api;

import dev.ghost.gateway.query.AgentStatus;
import dev.ghost.gateway.query.StatusQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The overall verdict, shaped for agents. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.READ)
public class StatusResource {

  @Inject StatusQueries queries;

  @GET
  @Path("status")
  @Operation(
      operationId = "getStatus",
      summary =
          "Is anything down? The overall state, one sentence that names what is down, since when"
              + " and why, and every daemon's state.")
  @APIResponse(
      responseCode = "200",
      description = "The current status; check stale before treating it as current.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AgentStatus.class),
              examples = @ExampleObject(name = "degraded", value = Examples.STATUS)))
  @APIResponse(responseCode = "503", ref = GatewayApi.NOT_READY)
  public AgentStatus status() {
    return queries.status();
  }

  @GET
  @Path("down")
  @Operation(
      operationId = "listDown",
      summary = "Only the daemons that are down: name, since when, for how long, and why.")
  @APIResponse(
      responseCode = "200",
      description = "The daemons that are down; an empty list when none is.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AgentStatus.DownList.class),
              examples = @ExampleObject(name = "one down", value = Examples.DOWN)))
  @APIResponse(responseCode = "503", ref = GatewayApi.NOT_READY)
  public AgentStatus.DownList down() {
    return new AgentStatus.DownList(queries.down());
  }
}
