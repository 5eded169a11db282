package dev.ghost.gateway.api;

import dev.ghost.gateway.GatewayRuntime;
import dev.ghost.gateway.domain.DaemonName;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Heartbeats and fail signals that daemons push. Unknown names register themselves. */
@Path("/api/v1/daemons/{name}")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.WRITE)
public class DaemonSignalResource {

  static final Duration MIN_TTL = Duration.ofSeconds(1);
  static final Duration MAX_TTL = Duration.ofDays(7);

  @Inject GatewayRuntime runtime;

  /** Body of a heartbeat: both fields optional. */
  public record HeartbeatBody(String ttl, String message) {}

  /** Body of a fail signal. */
  public record FailBody(String message) {}

  /** What the gateway accepted. */
  public record Accepted(String daemon, String signal, String expiresAt) {}

  @POST
  @Path("heartbeat")
  public Response heartbeat(
      @PathParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body) {
    DaemonName daemon = daemonName(name);
    HeartbeatBody beat =
        JsonBodies.read(body, contentType, HeartbeatBody.class, new HeartbeatBody(null, null));
    Duration ttl = beat.ttl() == null ? runtime.heartbeatTtl() : ttl(beat.ttl());
    runtime.heartbeats().beat(daemon, ttl, beat.message());
    return Response.accepted(
            new Accepted(daemon.value(), "heartbeat", runtime.now().plus(ttl).toString()))
        .build();
  }

  @POST
  @Path("fail")
  public Response fail(
      @PathParam("name") String name,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body) {
    DaemonName daemon = daemonName(name);
    FailBody fail = JsonBodies.read(body, contentType, FailBody.class, new FailBody(null));
    runtime.heartbeats().fail(daemon, fail.message());
    return Response.accepted(new Accepted(daemon.value(), "fail", null)).build();
  }

  static DaemonName daemonName(String name) {
    if (!DaemonName.isValid(name)) {
      throw new ProblemException(
          Response.Status.BAD_REQUEST,
          "a daemon name is 1 to 64 of A-Z a-z 0-9 . _ - (e.g. ghost-bridge)");
    }
    return DaemonName.of(name);
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
