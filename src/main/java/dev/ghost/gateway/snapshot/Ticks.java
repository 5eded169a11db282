package dev.ghost.gateway.snapshot;

import java.util.Optional;

/**
 * Takes one snapshot when this instance should: always on its own, only while it leads in a
 * cluster. Empty when it should not.
 */
@FunctionalInterface
public interface Ticks {

  Optional<TickResult> take();

  /** Every tick is this engine's. */
  static Ticks of(SnapshotEngine engine) {
    return () -> Optional.of(engine.take());
  }
}
