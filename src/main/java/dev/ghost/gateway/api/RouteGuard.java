package dev.ghost.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The read check of the plain Vert.x routes (status.json, the event stream, /mcp). */
@Singleton
public class RouteGuard {

  @Inject Authorizer authorizer;
  @Inject ObjectMapper json;

  /** True when the request may read; otherwise it has been answered with a 401 or 403 problem. */
  public boolean mayRead(RoutingContext context) {
    var denial =
        authorizer.check(Scope.READ, context.request().getHeader(HttpHeaders.AUTHORIZATION));
    denial.ifPresent(
        refused ->
            Problems.write(
                context.response(), json, refused.status(), refused.detail(), refused.challenge()));
    return denial.isEmpty();
  }
}
