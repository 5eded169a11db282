package dev.ghost.gateway.store;

import dev.ghost.gateway.alert.Notification;
import java.time.Instant;
import java.util.Locale;

/**
 * One notification on its way to one channel.
 *
 * @param id its place in the outbox: a channel sends its entries in id order
 * @param attempts sends tried so far, the one that sent it or gave up on it included
 * @param lastError why the last attempt failed, or null
 * @param done when it was sent or given up on, or null while pending
 */
public record OutboxEntry(
    long id,
    String channel,
    Notification notification,
    Instant created,
    State state,
    int attempts,
    String lastError,
    Instant done) {

  /** Where an entry is in its life. */
  public enum State {
    PENDING,
    SENT,
    FAILED;

    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
      return wire;
    }

    public static State fromWire(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }
}
