package dev.ghost.gateway.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one place an HTTP answer becomes a {@link DeliveryResult}, after Alertmanager's {@code
 * Retrier.Check}: 2xx sent, 429 after {@code Retry-After}, 5xx and 408 retried, every other status
 * permanent. A provider's own dialect on top of HTTP (Slack's Web API answers 200 with {@code
 * {"ok":false}}) is read in that provider's folder.
 */
public final class HttpOutcomes {

  /** When a 429 carries no usable Retry-After: Slack asks for about a second between messages. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private HttpOutcomes() {}

  /**
   * @param retryAfter the Retry-After header, or null
   * @param body the response body, for the detail (cut short)
   */
  public static DeliveryResult classify(int status, String retryAfter, String body, Instant now) {
    String detail = "HTTP " + status + (body == null || body.isBlank() ? "" : " " + cut(body));
    if (status >= 200 && status < 300) {
      return DeliveryResult.sent();
    }
    if (status == 429) {
      return DeliveryResult.retryAfter(retryAfter(retryAfter, now), detail);
    }
    if (status >= 500 || status == 408) {
      return DeliveryResult.retry(detail);
    }
    return DeliveryResult.permanent(detail);
  }

  /**
   * A send that got no HTTP answer. A refused connection or an unknown host means the receiver is
   * not there; anything else (a timeout, a reset mid-answer) may be a receiver too busy to answer,
   * which backing off helps.
   *
   * @param receiver what was called, in words, for the detail: "Slack", "the webhook"
   */
  public static DeliveryResult noAnswer(String receiver, IOException e) {
    String detail = "cannot reach " + receiver + ": " + e.getClass().getSimpleName();
    return e instanceof ConnectException || e instanceof UnknownHostException
        ? DeliveryResult.unreachable(detail)
        : DeliveryResult.retry(detail);
  }

  /** Seconds or an HTTP date, as RFC 9110 allows; never less than zero. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return DEFAULT_RETRY_AFTER;
    }
    String value = header.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      } catch (DateTimeParseException notADate) {
        return DEFAULT_RETRY_AFTER;
      }
    }
  }

  private static String cut(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
