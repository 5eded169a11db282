package dev.ghost.gateway.delivery.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.ghost.gateway.delivery.DeliveryResult;
import dev.ghost.gateway.delivery.HttpOutcomes;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Slack's answers, in its two dialects, turned into {@link DeliveryResult}s. */
final class SlackResults {

  /** Web API errors that mean "later", not "never" (api.slack.com/methods, "Errors"). */
  private static final Set<String> RETRYABLE_ERRORS =
      Set.of(
          "ratelimited",
          "rate_limited",
          "service_unavailable",
          "internal_error",
          "fatal_error",
          "request_timeout",
          "team_added_to_org");

  private SlackResults() {}

  /** An incoming webhook answers {@code ok} with 200, or a status and a one-word error body. */
  static DeliveryResult of(WebhookResponse response) {
    return HttpOutcomes.classify(
        response.getCode(),
        header(response.getHeaders(), "retry-after"),
        response.getBody(),
        Instant.now());
  }

  /** The Web API answers HTTP 200 with {@code "ok": false} and an error code when it refuses. */
  static DeliveryResult of(SlackApiTextResponse response) {
    return response.isOk() ? DeliveryResult.sent() : error(response.getError());
  }

  /** A Web API answer of HTTP 200 with {@code "ok": false}. */
  static DeliveryResult error(String error) {
    String detail = "Slack error " + error;
    return RETRYABLE_ERRORS.contains(error)
        ? DeliveryResult.retry(detail)
        : DeliveryResult.permanent(detail);
  }

  /** The client throws for any status other than 200: a 429, a 5xx, a 404 from a proxy. */
  static DeliveryResult of(SlackApiException e) {
    return HttpOutcomes.classify(
        e.getResponse().code(),
        e.getResponse().header("Retry-After"),
        e.getResponseBody(),
        Instant.now());
  }

  /** The exception's class only: its message can name the URL, which is the secret. */
  static DeliveryResult of(IOException e) {
    return HttpOutcomes.noAnswer("Slack", e);
  }

  private static String header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null
          && entry.getKey().equalsIgnoreCase(name)
          && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }
}
