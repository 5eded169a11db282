package dev.ghost.gateway.alert;

import dev.ghost.gateway.domain.DaemonName;
import java.time.Instant;
import java.util.Objects;

/**
 * While active, changes of the daemons it matches are still recorded as events but not sent.
 *
 * @param until when it ends (exclusive)
 * @param createdBy who made it from Slack ({@code @alice}); null when made with an admin token
 */
public record Silence(
    long id, Glob match, Instant until, String reason, Instant created, String createdBy) {

  public Silence {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(until, "until");
    reason = reason == null ? "" : reason;
  }

  /** A silence made with an admin token, by nobody the gateway can name. */
  public Silence(long id, Glob match, Instant until, String reason, Instant created) {
    this(id, match, until, reason, created, null);
  }

  public boolean covers(DaemonName daemon, Instant now) {
    return now.isBefore(until) && match.matches(daemon.value());
  }
}
