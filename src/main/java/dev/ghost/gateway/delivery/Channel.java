package dev.ghost.gateway.delivery;

import dev.ghost.gateway.alert.Notification;
import java.time.Duration;
import java.util.List;

/**
 * A place notifications go: a Slack webhook, a Slack channel through the bot, a signed webhook.
 *
 * <p>Retry contract: {@link #send} never throws. It returns a {@link DeliveryResult} that says
 * whether the batch arrived, and if not whether to wait exactly as long as the receiver asked, back
 * off, or give up. The {@link DeliveryWorker} owns all waiting and retrying; a channel tries once.
 * A batch that is retried is sent again whole, so a channel sends one batch as one request, or
 * makes every request before its last one safe to repeat.
 */
public interface Channel {

  /** The name routes use, e.g. {@code slack-webhook} or a configured channel's key. */
  String id();

  /** {@code slack-webhook}, {@code slack-bot} or {@code webhook}. */
  String kind();

  /** Where it sends, masked for display. */
  String target();

  /** The least time between two sends; Slack asks for one message per second per channel. */
  Duration minInterval();

  /**
   * Whether this channel puts notifications close in time into one message. Only such a channel
   * holds the first of them for the group window; a channel that sends one request per change sends
   * at once.
   */
  boolean groups();

  /**
   * How many notifications from the head of {@code queue} the next send carries (at least one).
   * Grouping channels take as many as one message holds; the others take one.
   */
  int fit(List<Notification> queue);

  DeliveryResult send(List<Notification> batch);

  /** Values that must never be shown: URLs, tokens, signing secrets. */
  List<String> secrets();
}
