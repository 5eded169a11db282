package dev.ghost.gateway.alert;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing to tell people, decided by the {@link AlertPolicy}.
 *
 * @param id idempotency id, unique within a data directory; receivers use it to drop a repeat
 * @param daemon the daemon it is about, or null for a {@link NotificationKind#SUMMARY}
 * @param from the state people were told before, or null
 * @param to the daemon's state now, or null when it was removed
 * @param at when the change happened
 * @param since when the daemon went down (for a recovery: the start of the downtime), or null
 * @param sequence the snapshot that decided it
 */
public record Notification(
    String id,
    NotificationKind kind,
    DaemonName daemon,
    DaemonState from,
    DaemonState to,
    Instant at,
    Instant since,
    String reason,
    String source,
    long sequence) {

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    reason = reason == null ? "" : reason;
    source = source == null ? "" : source;
  }

  /** How long the daemon was (or has been) down, or null when that is not known. */
  public Duration downtime() {
    return since == null || since.isAfter(at) ? null : Duration.between(since, at);
  }

  /** The name, or "gateway" for a summary, for lines that always need a subject. */
  public String subject() {
    return daemon == null ? "gateway" : daemon.value();
  }
}
