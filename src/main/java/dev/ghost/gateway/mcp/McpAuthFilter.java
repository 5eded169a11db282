package dev.ghost.gateway.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.api.Authorizer;
import dev.ghost.gateway.api.Problems;
import dev.ghost.gateway.api.Scope;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code /mcp} reads like every other read: when reads are private, it needs a read token. */
@ApplicationScoped
public class McpAuthFilter {

  private static final String ROOT = "/mcp";

  @Inject Authorizer authorizer;
  @Inject ObjectMapper json;

  void register(@Observes Filters filters) {
    filters.register(
        context -> {
          String path = context.normalizedPath();
          boolean mcp = path.equals(ROOT) || path.startsWith(ROOT + "/");
          var denial =
              mcp
                  ? authorizer.check(
                      Scope.READ, context.request().getHeader(HttpHeaders.AUTHORIZATION))
                  : java.util.Optional.<Authorizer.Denial>empty();
          if (denial.isPresent()) {
            Problems.write(
                context.response(),
                json,
                denial.get().status(),
                denial.get().detail(),
                denial.get().challenge());
          } else {
            context.next();
          }
        },
        // Before the routes, after CORS, so a browser's preflight still gets its answer.
        100);
  }
}
