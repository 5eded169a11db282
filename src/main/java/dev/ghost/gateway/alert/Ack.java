package dev.ghost.gateway.alert;

import dev.ghost.gateway.domain.DaemonName;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone took a daemon's incident: no more reminders about it. It applies to the incident that was
 * open when it was made; the next one, after a recovery, is news again.
 *
 * @param by who, as Slack shows them ({@code @alice})
 */
public record Ack(DaemonName daemon, String by, Instant at) {

  public Ack {
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }

  /** Whether it was made during the incident that began at {@code downSince}. */
  public boolean covers(Instant downSince) {
    return downSince != null && !at.isBefore(downSince);
  }
}
