package dev.ghost.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ghost.gateway.alert.Glob;
import dev.ghost.gateway.alert.Silence;
import dev.ghost.gateway.domain.Text;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.query.AdminQueries;
import dev.ghost.gateway.signal.Signals;
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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

  static final Duration LONGEST = Duration.ofDays(30);
  static final int MAX_REASON = Text.MAX_MESSAGE;

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

  /** A silence as the API shows it. */
  public record SilenceView(long id, String match, String until, String reason, String createdAt) {
    static SilenceView of(Silence silence) {
      return new SilenceView(
          silence.id(),
          silence.match().pattern(),
          Timestamps.format(silence.until()),
          silence.reason(),
          Timestamps.format(silence.created()));
    }
  }

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
      throw bad("a silence needs a JSON body: {\"match\": \"ghost-*\", \"for\": \"2h\"}");
    }
    Glob match = match(request.match());
    Instant until = until(request, clock.instant());
    String reason = reason(request.reason());
    Silence silence = signals.silence(match, until, reason);
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

  private static Glob match(String match) {
    if (match == null || !match.matches("[A-Za-z0-9._*?-]{1,64}")) {
      throw bad(
          "\"match\" must be a daemon name or a glob of 1 to 64 characters from [A-Za-z0-9._-]"
              + " with * and ?, like \"ghost-*\"");
    }
    // A silence of every daemon would quiet the gateway's only alarm by a typo; name what to
    // quiet, even if it is a prefix every daemon shares.
    if (match.chars().allMatch(c -> c == '*' || c == '?')) {
      throw bad(
          "\"match\" must name at least one character of a daemon name, like \"ghost-*\";"
              + " a silence of every daemon is refused");
    }
    return Glob.of(match);
  }

  /** Who reads the list later needs to know why; a reason is a line, not a document. */
  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw bad("\"reason\" is required: say why, like \"deploy of ghost-bridge 2.4\"");
    }
    if (reason.length() > MAX_REASON) {
      throw bad("\"reason\" is " + reason.length() + " characters; the limit is " + MAX_REASON);
    }
    return Text.message(reason);
  }

  private static Instant until(SilenceBody request, Instant now) {
    if ((request.until() == null) == (request.duration() == null)) {
      throw bad("give exactly one of \"for\" (like \"2h\") or \"until\" (ISO-8601 UTC)");
    }
    Instant until;
    if (request.duration() != null) {
      Duration duration = Durations.parse(request.duration());
      if (duration == null) {
        throw bad("\"for\" must be a duration like \"30m\", \"2h\" or \"PT2H\"");
      }
      until = now.plus(duration);
    } else {
      try {
        until = Instant.parse(request.until());
      } catch (DateTimeParseException e) {
        throw bad("\"until\" must be an ISO-8601 UTC time like \"2026-11-28T18:00:00Z\"");
      }
    }
    if (!until.isAfter(now) || until.isAfter(now.plus(LONGEST))) {
      throw bad("a silence must end in the future and within 30 days");
    }
    return until;
  }

  private static ProblemException bad(String detail) {
    return new ProblemException(Response.Status.BAD_REQUEST, detail);
  }
}
