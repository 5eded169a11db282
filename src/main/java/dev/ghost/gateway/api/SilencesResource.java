package dev.ghost.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ghost.gateway.alert.Silence;
import dev.ghost.gateway.query.AdminQueries;
import dev.ghost.gateway.query.SilenceView;
import dev.ghost.gateway.signal.Signals;
import dev.ghost.gateway.signal.SilenceRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Silences: while one matches a daemon, its changes are still events but are not sent. Creating and
 * ending one needs scope admin; listing them, scope read.
 */
@Path("/api/v1/silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilencesResource {

  @Inject AdminQueries queries;
  @Inject Signals signals;
  @Inject Clock clock;

  /**
   * A new silence: {@code match} is a daemon name or a glob ({@code ghost-*}); give {@code for} (a
   * duration) or {@code until} (ISO-8601 UTC).
   */
  public record SilenceBody(
      String match,
      String until,
      @JsonProperty("for") @Schema(name = "for") String duration,
      String reason) {}

  @POST
  @RequiresScope(Scope.ADMIN)
  @Operation(
      operationId = "createSilence",
      summary =
          "Silence the daemons matching a name or glob for a while: their changes are still recorded"
              + " but not sent. Needs scope admin.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SilenceBody.class),
              examples =
                  @ExampleObject(
                      name = "deploy",
                      value = "{\"match\": \"ghost-*\", \"for\": \"2h\", \"reason\": \"deploy\"}")))
  @APIResponse(
      responseCode = "201",
      description = "The silence.",
      content = @Content(schema = @Schema(implementation = SilenceView.class)))
  @APIResponse(responseCode = "400", ref = GatewayApi.BAD_REQUEST)
  public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body)
      throws SQLException {
    SilenceBody request = JsonBodies.read(body, contentType, SilenceBody.class, null);
    if (request == null) {
      throw new ProblemException(
          Response.Status.BAD_REQUEST,
          "a silence needs a JSON body: {\"match\": \"ghost-*\", \"for\": \"2h\", \"reason\":"
              + " \"deploy\"}");
    }
    Silence silence =
        signals.silence(
            SilenceRequest.parse(
                request.match(),
                request.duration(),
                request.until(),
                request.reason(),
                clock.instant()));
    return Response.status(Response.Status.CREATED).entity(SilenceView.of(silence)).build();
  }

  @GET
  @RequiresScope(Scope.READ)
  @Operation(operationId = "listSilences", summary = "The silences that have not ended yet.")
  @APIResponse(
      responseCode = "200",
      description = "Active silences, oldest first.",
      content = @Content(schema = @Schema(implementation = SilenceView[].class)))
  public List<SilenceView> list() throws SQLException {
    return queries.silences().stream().map(SilenceView::of).toList();
  }

  @DELETE
  @Path("{id}")
  @RequiresScope(Scope.ADMIN)
  @Operation(
      operationId = "deleteSilence",
      summary =
          "End a silence now. A daemon it kept quiet that is still down is announced. Needs scope"
              + " admin.")
  @APIResponse(responseCode = "204", description = "Ended.")
  @APIResponse(responseCode = "404", ref = GatewayApi.NOT_FOUND)
  public Response delete(
      @Parameter(description = "The silence's id, as listSilences gives it.") @PathParam("id")
          String id)
      throws SQLException {
    if (!signals.endSilence(IdParam.parse(id, "silence"))) {
      throw new ProblemException(Response.Status.NOT_FOUND, "no silence with id " + id);
    }
    return Response.noContent().build();
  }
}
