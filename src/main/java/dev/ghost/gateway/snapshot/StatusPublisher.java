package dev.ghost.gateway.snapshot;

import java.time.Instant;

/**
 * The serialized status document of the latest snapshot, held in memory so that serving it costs no
 * serialization per request.
 */
public final class StatusPublisher {

  private volatile Published current;

  /** One published document. */
  public record Published(byte[] body, String etag, long sequence, Instant takenAt) {}

  public void publish(byte[] body, long sequence, Instant takenAt) {
    current = new Published(body, "\"" + sequence + "\"", sequence, takenAt);
  }

  /** The latest document, or null before the first snapshot. */
  public Published current() {
    return current;
  }
}
