package dev.ghost.gateway.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Checks the bearer token of every request to a method marked {@link RequiresScope}. */
public class AuthFilter {

  static final String CHALLENGE = "Bearer realm=\"ghost-gateway\"";

  @Inject Authorizer authorizer;

  @ServerRequestFilter
  public Response authorize(ContainerRequestContext request, ResourceInfo resource) {
    RequiresScope required = requirement(resource);
    if (required == null) {
      return null;
    }
    return authorizer
        .check(required.value(), request.getHeaderString(HttpHeaders.AUTHORIZATION))
        .map(AuthFilter::refusal)
        .orElse(null);
  }

  private static Response refusal(Authorizer.Denial denial) {
    Response problem = Problem.response(denial.status(), denial.detail());
    return denial.challenge()
        ? Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build()
        : problem;
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
}
