package dev.ghost.gateway.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One source's report about one daemon at one tick.
 *
 * @param lastSeen when the source last heard from the daemon itself (the registry's timestamp, the
 *     last heartbeat); null when it never has
 * @param pid the process id the source knows, or null
 */
public record Observation(
    DaemonName name, DaemonState state, String reason, String source, Instant lastSeen, Long pid) {

  public Observation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(source, "source");
    reason = reason == null ? "" : reason;
  }
}
