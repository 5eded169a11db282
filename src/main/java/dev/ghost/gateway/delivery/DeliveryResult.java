package dev.ghost.gateway.delivery;

import java.time.Duration;

/**
 * What one send came to, as far as retrying is concerned.
 *
 * @param delay for {@link Outcome#RETRY_AFTER}: how long the receiver asked us to delay
 * @param detail what the receiver said, for the dead-letter list and the status document; never a
 *     secret
 */
public record DeliveryResult(Outcome outcome, Duration delay, String detail) {

  /** The four things a receiver can tell us. */
  public enum Outcome {
    /** Delivered. */
    SENT,
    /** Rate limited: try again after exactly {@code delay}, not earlier. */
    RETRY_AFTER,
    /** A failure worth retrying (5xx, timeout): the receiver may be overloaded, so back off. */
    RETRY,
    /**
     * Nobody answered at all (connection refused, unknown host): nothing is overloaded by a knock
     * on a closed door, so try again every second and deliver as soon as the receiver is back.
     */
    UNREACHABLE,
    /** Retrying cannot help (bad payload, unknown or archived channel, revoked token). */
    PERMANENT
  }

  public static DeliveryResult sent() {
    return new DeliveryResult(Outcome.SENT, Duration.ZERO, "sent");
  }

  public static DeliveryResult retryAfter(Duration delay, String detail) {
    return new DeliveryResult(Outcome.RETRY_AFTER, delay, detail);
  }

  public static DeliveryResult retry(String detail) {
    return new DeliveryResult(Outcome.RETRY, Duration.ZERO, detail);
  }

  public static DeliveryResult unreachable(String detail) {
    return new DeliveryResult(Outcome.UNREACHABLE, Duration.ZERO, detail);
  }

  public static DeliveryResult permanent(String detail) {
    return new DeliveryResult(Outcome.PERMANENT, Duration.ZERO, detail);
  }
}
