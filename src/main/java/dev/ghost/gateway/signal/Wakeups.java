package dev.ghost.gateway.signal;

import dev.ghost.gateway.source.ChangeSignal;

/**
 * Wakes the write side when something came in: a snapshot now, or a look at the outbox now. The
 * write side attaches itself when it starts; a signal before that wakes nothing, and the first tick
 * reads what came before it.
 */
public final class Wakeups implements ChangeSignal {

  private static final Runnable NOTHING = () -> {};

  private volatile Runnable snapshot = NOTHING;
  private volatile Runnable delivery = NOTHING;

  /** Called by the write side once it runs. */
  public void attach(Runnable snapshot, Runnable delivery) {
    this.snapshot = snapshot;
    this.delivery = delivery;
  }

  /** Takes a snapshot now. */
  @Override
  public void changed() {
    snapshot.run();
  }

  /** Looks at the outbox now. */
  public void deliveries() {
    delivery.run();
  }
}
