package dev.ghost.gateway.api;

import dev.ghost.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Checks the bearer token of every request to a method marked {@link RequiresScope}. */
public class AuthFilter {

  private static final String BEARER = "Bearer ";

  @Inject AccessTokenStore tokens;
  @Inject GatewayConfig config;

  @ServerRequestFilter
  public Response authorize(ContainerRequestContext request, ResourceInfo resource) {
    RequiresScope required = requirement(resource);
    if (required == null) {
      return null;
    }
    Scope needed = required.value();
    if (needed == Scope.READ && config.auth().publicRead()) {
      return null;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return challenge("send Authorization: Bearer <token> with a token of scope " + wire(needed));
    }
    Optional<Scope> granted = tokens.tokens().scopeOf(header.substring(BEARER.length()).strip());
    if (granted.isEmpty()) {
      return challenge("the bearer token is not valid");
    }
    if (!granted.get().grants(needed)) {
      return Problem.response(
          Response.Status.FORBIDDEN,
          "this needs a token of scope " + wire(needed) + "; yours has " + wire(granted.get()));
    }
    return null;
  }

  private static RequiresScope requirement(ResourceInfo resource) {
    if (resource == null || resource.getResourceMethod() == null) {
      return null;
    }
    RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
    return onMethod != null
        ? onMethod
        : resource.getResourceClass().getAnnotation(RequiresScope.class);
  }

  private static Response challenge(String detail) {
    Response problem = Problem.response(Response.Status.UNAUTHORIZED, detail);
    return Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ghost-gateway\"")
        .build();
  }

  private static String wire(Scope scope) {
    return scope.name().toLowerCase(java.util.Locale.ROOT);
  }
}
