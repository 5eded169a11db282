package dev.ghost.gateway.page;

import dev.ghost.gateway.api.RequiresScope;
import dev.ghost.gateway.api.Scope;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Health;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.query.StatusQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Badges for READMEs and wikis: {@code /badge.svg} for the whole gateway, {@code /badge/{name}.svg}
 * for one daemon. Cached for 10 seconds at most, so a badge on a page stays within a tick of the
 * truth.
 */
@Path("/")
public class BadgeResource {

  static final String SVG = "image/svg+xml";
  static final String CACHE = "max-age=10, must-revalidate";

  @Inject StatusQueries queries;

  @GET
  @Path("badge.svg")
  @RequiresScope(Scope.READ)
  @Operation(hidden = true)
  public Response overall() {
    Health health = Health.of(queries.snapshot().counts());
    return svg(Response.Status.OK, BadgeSvg.of("daemons", words(health), colour(health)));
  }

  @GET
  @Path("badge/{name}.svg")
  @RequiresScope(Scope.READ)
  @Operation(hidden = true)
  public Response daemon(@PathParam("name") String name) {
    Snapshot snapshot = queries.snapshot();
    DaemonStatus status =
        DaemonName.isValid(name) ? snapshot.daemons().get(DaemonName.of(name)) : null;
    if (status == null) {
      return svg(
          Response.Status.NOT_FOUND,
          BadgeSvg.of(
              DaemonName.isValid(name) ? name : "daemon", "not found", BadgeSvg.Colour.GREY));
    }
    return svg(
        Response.Status.OK, BadgeSvg.of(name, status.state().wire(), colour(status.state())));
  }

  static BadgeSvg.Colour colour(DaemonState state) {
    return switch (state) {
      case UP -> BadgeSvg.Colour.GREEN;
      case DOWN -> BadgeSvg.Colour.RED;
      case UNKNOWN -> BadgeSvg.Colour.GREY;
    };
  }

  static BadgeSvg.Colour colour(Health health) {
    return switch (health) {
      case OPERATIONAL -> BadgeSvg.Colour.GREEN;
      case DEGRADED -> BadgeSvg.Colour.ORANGE;
      case MAJOR_OUTAGE -> BadgeSvg.Colour.RED;
      case UNKNOWN -> BadgeSvg.Colour.GREY;
    };
  }

  static String words(Health health) {
    return health.wire().replace('_', ' ');
  }

  private static Response svg(Response.Status status, String body) {
    return Response.status(status).type(SVG).header("Cache-Control", CACHE).entity(body).build();
  }
}
