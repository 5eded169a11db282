package dev.ghost.gateway.signal;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.LastWord;
import dev.ghost.gateway.snapshot.EventFeed;
import dev.ghost.gateway.source.HeartbeatSource;
import java.time.Instant;

/** Signals on a single instance: straight to the heartbeat source and the doorbells. */
public final class LocalSignalPath implements SignalPath {

  private final HeartbeatSource heartbeats;
  private final Wakeups wakeups;
  private final EventFeed feed;

  public LocalSignalPath(HeartbeatSource heartbeats, Wakeups wakeups, EventFeed feed) {
    this.heartbeats = heartbeats;
    this.wakeups = wakeups;
    this.feed = feed;
  }

  @Override
  public void heartbeat(DaemonName daemon, Instant at, Instant expiresAt, String message) {
    heartbeats.accept(new LastWord(daemon, at, expiresAt, message, null));
  }

  @Override
  public void fail(DaemonName daemon, Instant at, String message) {
    heartbeats.fail(daemon, message);
  }

  @Override
  public void changed() {
    wakeups.changed();
  }

  @Override
  public void deliveries() {
    wakeups.deliveries();
  }

  @Override
  public void eventsAdded() {
    feed.published();
  }
}
