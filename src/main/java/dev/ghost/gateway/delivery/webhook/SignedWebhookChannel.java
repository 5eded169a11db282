package dev.ghost.gateway.delivery.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.DeliveryResult;
import dev.ghost.gateway.delivery.HttpOutcomes;
import dev.ghost.gateway.delivery.Secrets;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A signed JSON webhook for anything that is not Slack (a GPT relay, a pager): one POST per
 * notification, since a program wants one event per request, not a digest.
 */
public final class SignedWebhookChannel implements Channel {

  private static final MediaType JSON = MediaType.get("application/json");

  private final String id;
  private final String url;
  private final String secret;
  private final OkHttpClient client;
  private final Clock clock;
  private final ObjectMapper json;

  public SignedWebhookChannel(
      String id, String url, String secret, OkHttpClient client, Clock clock, ObjectMapper json) {
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

  /** A program wants one event per change, not a digest. */
  @Override
  public boolean groups() {
    return false;
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
    Request request =
        new Request.Builder()
            .url(url)
            .header("Idempotency-Key", n.id())
            .header(
                Signature.HEADER, Signature.header(secret, clock.instant().getEpochSecond(), body))
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody answer = response.body();
      return HttpOutcomes.classify(
          response.code(),
          response.header("Retry-After"),
          answer == null ? "" : answer.string(),
          clock.instant());
    } catch (IOException e) {
      // The class only: an exception's message can carry the URL, which is a secret.
      return HttpOutcomes.noAnswer("the webhook", e);
    }
  }

  @Override
  public List<String> secrets() {
    return List.of(url, secret);
  }
}
