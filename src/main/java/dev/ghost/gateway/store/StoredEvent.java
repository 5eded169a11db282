package dev.ghost.gateway.store;

import dev.ghost.gateway.domain.Transition;

/**
 * A transition as the event log holds it.
 *
 * @param seq the event's position in the log; strictly increasing, never reused
 * @param snapshotSequence the snapshot that produced it
 */
public record StoredEvent(long seq, long snapshotSequence, Transition transition) {}
