package dev.ghost.gateway.delivery.slack;

import com.slack.api.Slack;
import com.slack.api.webhook.Payload;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.DeliveryResult;
import dev.ghost.gateway.delivery.Secrets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** A Slack incoming webhook: one POST per message, grouped as far as Slack's limits allow. */
public final class SlackWebhookChannel implements Channel {

  private final String id;
  private final String url;
  private final Slack slack;
  private final SlackMessages messages;
  private final Duration minInterval;

  public SlackWebhookChannel(
      String id, String url, Slack slack, SlackMessages messages, Duration minInterval) {
    this.id = id;
    this.url = url;
    this.slack = slack;
    this.messages = messages;
    this.minInterval = minInterval;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "slack-webhook";
  }

  @Override
  public String target() {
    return Secrets.maskUrl(url);
  }

  @Override
  public Duration minInterval() {
    return minInterval;
  }

  @Override
  public boolean groups() {
    return true;
  }

  @Override
  public int fit(List<Notification> queue) {
    return messages.fit(queue);
  }

  @Override
  public DeliveryResult send(List<Notification> batch) {
    SlackMessage message = messages.render(batch);
    try {
      return SlackResults.of(
          slack.send(url, Payload.builder().text(message.text()).blocks(message.blocks()).build()));
    } catch (IOException e) {
      return SlackResults.of(e);
    }
  }

  @Override
  public List<String> secrets() {
    return List.of(url);
  }
}
