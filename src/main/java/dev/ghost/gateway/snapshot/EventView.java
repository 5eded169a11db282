package dev.ghost.gateway.snapshot;

import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.store.StoredEvent;

/**
 * A stored transition as JSON shows it, in status.json's {@code logs} and in the events API.
 *
 * @param from the state before, or null when the daemon appeared
 * @param to the state after, or null when the daemon was removed
 */
public record EventView(
    long seq,
    String at,
    String daemon,
    String kind,
    String from,
    String to,
    String reason,
    String source) {

  public static EventView of(StoredEvent event) {
    Transition t = event.transition();
    return new EventView(
        event.seq(),
        t.at().toString(),
        t.daemon().value(),
        t.kind().wire(),
        t.from() == null ? null : t.from().wire(),
        t.to() == null ? null : t.to().wire(),
        t.reason(),
        t.source());
  }
}
