package dev.ghost.gateway.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A daemon the configuration says must exist, whether or not a source reports it.
 *
 * @param reportBy until this instant an unreported declared daemon is UNKNOWN; after it, DOWN
 */
public record DeclaredDaemon(DaemonName name, Instant reportBy) {

  public DeclaredDaemon {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reportBy, "reportBy");
  }
}
