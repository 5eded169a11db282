package dev.ghost.gateway.snapshot;

import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.store.StoredEvent;
import java.util.List;
import java.util.Optional;

/**
 * What one snapshot did.
 *
 * @param events the transitions stored in the event log (empty when the store failed)
 * @param storeError why the store could not record the snapshot, or empty
 * @param writeError why status.json could not be written, or empty
 * @param nanos how long the whole tick took
 */
public record TickResult(
    Snapshot snapshot,
    List<StoredEvent> events,
    Optional<String> storeError,
    Optional<String> writeError,
    long nanos) {}
