package dev.ghost.gateway.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured bearer tokens. Only their SHA-256 digests are kept, and a presented token is
 * compared with every one of them in constant time, so neither the comparison nor the position of a
 * match leaks anything through timing.
 */
public final class AccessTokens {

  private record Grant(Scope scope, byte[] digest) {}

  private final List<Grant> grants;

  private AccessTokens(List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  /**
   * Parses {@code scope:token} entries.
   *
   * @throws IllegalArgumentException naming the entry's position, never its token
   */
  public static AccessTokens parse(List<String> entries) {
    List<Grant> grants = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i).strip();
      int colon = entry.indexOf(':');
      Scope scope = colon < 0 ? null : Scope.parse(entry.substring(0, colon));
      String token = colon < 0 ? "" : entry.substring(colon + 1).strip();
      if (scope == null || token.length() < 16) {
        throw new IllegalArgumentException(
            "gateway.auth.tokens entry "
                + (i + 1)
                + " must be scope:token, scope one of read, write, admin, token at least 16"
                + " characters");
      }
      grants.add(new Grant(scope, digest(token)));
    }
    return new AccessTokens(grants);
  }

  /** The scope the presented token grants, or empty when it matches none. */
  public Optional<Scope> scopeOf(String presented) {
    byte[] digest = digest(presented);
    Scope found = null;
    for (Grant grant : grants) {
      if (MessageDigest.isEqual(grant.digest(), digest)
          && (found == null || grant.scope().grants(found))) {
        found = grant.scope();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
