package dev.ghost.gateway.api;

import dev.ghost.gateway.GatewayRuntime;
import dev.ghost.gateway.snapshot.StatusPublisher.Published;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The live status document, served from memory exactly as it was written to disk. */
@Path("/ghost/status.json")
public class StatusJsonResource {

  @Inject GatewayRuntime runtime;

  // Only memory is touched here, so it answers on the I/O thread without a hop to a worker.
  @GET
  @NonBlocking
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresScope(Scope.READ)
  public Response status(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Published current = runtime.publisher().current();
    if (current == null) {
      return Problem.response(
          Response.Status.SERVICE_UNAVAILABLE, "the first snapshot has not been taken yet");
    }
    Response.ResponseBuilder response =
        matches(ifNoneMatch, current.etag())
            ? Response.notModified()
            : Response.ok(current.body(), MediaType.APPLICATION_JSON_TYPE);
    return response
        .header(HttpHeaders.ETAG, current.etag())
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .build();
  }

  /** If-None-Match may list several tags, or *; weak tags compare equal to strong ones here. */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
