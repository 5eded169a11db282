package dev.ghost.gateway.delivery.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.DeliveryResult;
import dev.ghost.gateway.delivery.HttpOutcomes;
import dev.ghost.gateway.delivery.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A signed JSON webhook for anything that is not Slack (a GPT relay, a pager): one POST per
 * notification, since a program wants one event per request, not a digest.
 */
public final class SignedWebhookChannel implements Channel {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String id;
  private final String url;
  private final String secret;
  private final HttpClient client;
  private final Clock clock;
  private final ObjectMapper json;

  public SignedWebhookChannel(
      String id, String url, String secret, HttpClient client, Clock clock, ObjectMapper json) {
    this.id = id;
    this.url = url;
    this.secret = secret;
    this.client = client;
    this.clock = clock;
    this.json = json;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "webhook";
  }

  @Override
  public String target() {
    return Secrets.maskUrl(url);
  }

  /** Programs take events as fast as they come; pacing is Slack's request, not theirs. */
  @Override
  public Duration minInterval() {
    return Duration.ZERO;
  }

  @Override
  public int fit(List<Notification> queue) {
    return 1;
  }

  @Override
  public DeliveryResult send(List<Notification> batch) {
    Notification n = batch.get(0);
    byte[] body;
    try {
      body = json.writeValueAsBytes(WebhookPayload.of(n));
    } catch (JsonProcessingException e) {
      return DeliveryResult.permanent("cannot render the payload: " + e.getOriginalMessage());
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", n.id())
            .header(
                Signature.HEADER, Signature.header(secret, clock.instant().getEpochSecond(), body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return HttpOutcomes.classify(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response.body(),
          clock.instant());
    } catch (IOException e) {
      return DeliveryResult.retry("cannot reach the webhook: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retry("interrupted");
    }
  }

  @Override
  public List<String> secrets() {
    return List.of(url, secret);
  }
}
