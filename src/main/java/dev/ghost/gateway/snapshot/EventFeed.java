package dev.ghost.gateway.snapshot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells live readers (the SSE stream) that new events are in the log. It carries no events: each
 * reader reads the log after the last event it sent, so replay after a reconnect and live delivery
 * are one path, and none is missed or sent twice.
 */
public final class EventFeed {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Calls {@code listener} after every snapshot that stored events, until the handle is closed. */
  public AutoCloseable subscribe(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public void published() {
    listeners.forEach(Runnable::run);
  }
}
