package dev.ghost.gateway.api;

import dev.ghost.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a request with a given Authorization header may do what needs {@code scope}.
 * Shared by the JAX-RS filter and the plain Vert.x route of status.json, so both say the same.
 */
@Singleton
public class Authorizer {

  private static final String BEARER = "Bearer ";

  @Inject AccessTokenStore tokens;
  @Inject GatewayConfig config;

  /** Why a request is refused: 401 (no or unknown token) or 403 (too weak a token). */
  public record Denial(int status, String detail) {
    public boolean challenge() {
      return status == 401;
    }
  }

  /** Empty when allowed. */
  public Optional<Denial> check(Scope needed, String authorization) {
    if (needed == Scope.READ && config.auth().publicRead()) {
      return Optional.empty();
    }
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.of(
          new Denial(
              401, "send Authorization: Bearer <token> with a token of scope " + wire(needed)));
    }
    Optional<Scope> granted =
        tokens.tokens().scopeOf(authorization.substring(BEARER.length()).strip());
    if (granted.isEmpty()) {
      return Optional.of(new Denial(401, "the bearer token is not valid"));
    }
    if (!granted.get().grants(needed)) {
      return Optional.of(
          new Denial(
              403,
              "this needs a token of scope "
                  + wire(needed)
                  + "; yours has "
                  + wire(granted.get())));
    }
    return Optional.empty();
  }

  private static String wire(Scope scope) {
    return scope.name().toLowerCase(Locale.ROOT);
  }
}
