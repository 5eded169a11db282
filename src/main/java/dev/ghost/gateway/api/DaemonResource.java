package dev.ghost.gateway.api;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.Durations;
import dev.ghost.gateway.domain.Text;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.query.DaemonDetail;
import dev.ghost.gateway.query.StatusQueries;
import dev.ghost.gateway.signal.Signals;
import jakarta.inject.Inject;
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
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One daemon: read it (scope read), or push its heartbeats and fail signals (scope write). Unknown
 * names register themselves.
 */
@Path("/api/v1/daemons/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class DaemonResource {

  static final Duration MIN_TTL = Duration.ofSeconds(1);
  static final Duration MAX_TTL = Duration.ofDays(7);

  @Inject StatusQueries queries;
  @Inject Signals signals;

  /** Body of a heartbeat: both fields optional. */
  public record HeartbeatBody(String ttl, String message) {}

  /** Body of a fail signal. */
  public record FailBody(String message) {}

  /**
   * What the gateway accepted.
   *
   * @param warning what the gateway changed in the signal to keep it (a message cut to its limit),
   *     or null. A signal is never refused for its text: a daemon that fails should not also lose
   *     its fail signal to a long stack trace.
   */
  public record Accepted(String daemon, String signal, String expiresAt, String warning) {

    static Accepted of(DaemonName daemon, String signal, String expiresAt, String message) {
      boolean cut = message != null && message.length() > Text.MAX_MESSAGE;
      return new Accepted(
          daemon.value(),
          signal,
          expiresAt,
          cut ? "message cut to its first " + Text.MAX_MESSAGE + " characters" : null);
    }
  }

  @GET
  @RequiresScope(Scope.READ)
  @Operation(
      operationId = "getDaemon",
      summary =
          "One daemon: its state, since when, why, its last 20 changes, and how much of the last"
              + " 24 hours and 7 days it was up.")
  @APIResponse(
      responseCode = "200",
      description = "The daemon.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DaemonDetail.class),
              examples = @ExampleObject(name = "down", value = Examples.DAEMON)))
  @APIResponse(responseCode = "404", ref = GatewayApi.NOT_FOUND)
  public DaemonDetail daemon(
      @Parameter(ref = GatewayApi.DAEMON_NAME) @PathParam("name") String name) throws SQLException {
    return queries.daemon(name);
  }

  @POST
  @Path("heartbeat")
  @RequiresScope(Scope.WRITE)
  @Operation(
      operationId = "sendHeartbeat",
      summary =
          "A daemon says it is alive: it stays up until the TTL runs out. Unknown names register"
              + " themselves. Needs scope write.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HeartbeatBody.class),
              examples =
                  @ExampleObject(
                      name = "ttl",
                      value = "{\"ttl\": \"90s\", \"message\": \"ready\"}")))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the daemon is up until expiresAt.",
      content = @Content(schema = @Schema(implementation = Accepted.class)))
  @APIResponse(responseCode = "400", ref = GatewayApi.BAD_REQUEST)
  public Response heartbeat(
      @Parameter(ref = GatewayApi.DAEMON_NAME) @PathParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body)
      throws SQLException {
    DaemonName daemon = StatusQueries.name(name);
    HeartbeatBody beat =
        JsonBodies.read(body, contentType, HeartbeatBody.class, new HeartbeatBody(null, null));
    Instant expiresAt =
        signals.heartbeat(daemon, beat.ttl() == null ? null : ttl(beat.ttl()), beat.message());
    return Response.accepted(
            Accepted.of(daemon, "heartbeat", Timestamps.format(expiresAt), beat.message()))
        .build();
  }

  @POST
  @Path("fail")
  @RequiresScope(Scope.WRITE)
  @Operation(
      operationId = "sendFail",
      summary =
          "A daemon says it has failed: it is down at once, until its next heartbeat. Needs scope write.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FailBody.class),
              examples =
                  @ExampleObject(name = "message", value = "{\"message\": \"out of memory\"}")))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the daemon is down.",
      content = @Content(schema = @Schema(implementation = Accepted.class)))
  @APIResponse(responseCode = "400", ref = GatewayApi.BAD_REQUEST)
  public Response fail(
      @Parameter(ref = GatewayApi.DAEMON_NAME) @PathParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body)
      throws SQLException {
    DaemonName daemon = StatusQueries.name(name);
    FailBody fail = JsonBodies.read(body, contentType, FailBody.class, new FailBody(null));
    signals.fail(daemon, fail.message());
    return Response.accepted(Accepted.of(daemon, "fail", null, fail.message())).build();
  }

  private static Duration ttl(String text) {
    Duration ttl = Durations.parse(text);
    if (ttl == null || ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw new ProblemException(
          Response.Status.BAD_REQUEST,
          "\"ttl\" must be a duration from 1s to 7d, like \"90s\", \"5m\" or \"PT90S\"");
    }
    return ttl;
  }
}
