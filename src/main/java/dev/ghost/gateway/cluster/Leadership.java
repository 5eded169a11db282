package dev.ghost.gateway.cluster;

import java.util.Optional;

/**
 * Whether this instance runs the write side (ticks, alerts, sends) right now. A single instance on
 * SQLite always does; in a cluster, the instance that holds the lease does, and only while it can
 * prove it.
 */
public interface Leadership {

  /** Whether this instance may tick and send now. */
  boolean leading();

  /** The term this instance leads in; a new leader's is higher than every earlier one. */
  long epoch();

  /** The cluster as this instance sees it; empty on a single instance. */
  Optional<View> view();

  /**
   * This instance's view of the lease, for status.json, readiness and metrics.
   *
   * @param leader the instance that holds the lease, or null when none does
   * @param problem why the lease cannot be read or renewed now, or null
   */
  record View(String node, boolean leading, String leader, long epoch, String problem) {}

  /** One instance on its own store: it leads, always, in one term. */
  Leadership SOLO =
      new Leadership() {
        @Override
        public boolean leading() {
          return true;
        }

        @Override
        public long epoch() {
          return 0;
        }

        @Override
        public Optional<View> view() {
          return Optional.empty();
        }
      };
}
