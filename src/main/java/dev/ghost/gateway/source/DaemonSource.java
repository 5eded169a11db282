package dev.ghost.gateway.source;

import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Observation;
import java.time.Instant;
import java.util.List;

/**
 * Something that knows about daemons. The scheduler asks every source once per snapshot; a source
 * that learns something new in between calls its {@link ChangeSignal} so the next snapshot comes at
 * once instead of at the next tick.
 *
 * <p>{@link #observe} must not throw and must return quickly: a source that cannot read its input
 * keeps answering with what it last knew, and says what is wrong through its own status.
 */
public interface DaemonSource {

  /** Short name shown as a daemon's {@code source}, e.g. "registry". */
  String name();

  List<Observation> observe(Instant now);

  /**
   * Takes back a daemon this source reported before the gateway restarted, so that a restart does
   * not make daemons vanish and reappear before the source has heard from them again.
   */
  void restore(DaemonStatus known);
}
