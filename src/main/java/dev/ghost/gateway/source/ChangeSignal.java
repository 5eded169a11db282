package dev.ghost.gateway.source;

/**
 * Asks for a snapshot as soon as possible. Cheap and safe to call from any thread, any number of
 * times.
 */
@FunctionalInterface
public interface ChangeSignal {
  void changed();
}
