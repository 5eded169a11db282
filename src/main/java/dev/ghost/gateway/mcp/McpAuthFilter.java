package dev.ghost.gateway.mcp;

import dev.ghost.gateway.api.RouteGuard;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code /mcp} reads like every other read: when reads are private, it needs a read token. */
@ApplicationScoped
public class McpAuthFilter {

  private static final String ROOT = "/mcp";

  @Inject RouteGuard guard;

  void register(@Observes Filters filters) {
    filters.register(
        context -> {
          String path = context.normalizedPath();
          boolean mcp = path.equals(ROOT) || path.startsWith(ROOT + "/");
          if (!mcp || guard.mayRead(context)) {
            context.next();
          }
        },
        // Before the routes, after CORS, so a browser's preflight still gets its answer.
        100);
  }
}
