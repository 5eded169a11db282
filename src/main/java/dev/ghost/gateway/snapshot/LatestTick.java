package dev.ghost.gateway.snapshot;

import java.util.Optional;

/**
 * The write side's latest tick as readers see it: set by the snapshot thread after every tick, read
 * by any request thread. Readers learn the state of the gateway here, never by asking the parts
 * that make it.
 */
public final class LatestTick {

  private volatile TickResult last;

  public void set(TickResult result) {
    last = result;
  }

  /** The latest tick, or empty before the first. */
  public Optional<TickResult> get() {
    return Optional.ofNullable(last);
  }
}
