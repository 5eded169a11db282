package dev.ghost.gateway.delivery.slack;

import com.slack.api.Slack;
import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.ChannelContext;
import dev.ghost.gateway.delivery.ChannelKind;
import dev.ghost.gateway.delivery.ChannelSpec;
import dev.ghost.gateway.delivery.ChannelSpecs;
import java.util.List;
import java.util.stream.Stream;

/**
 * The two Slack kinds: an incoming webhook, and the bot (chat.postMessage, chat.update, threads).
 * They share one Slack client, made only when the first Slack channel is built: it brings OkHttp,
 * Kotlin and Gson, whose loading a gateway without Slack should not pay for at every start.
 */
public final class SlackKinds {

  private Slack slack;
  private SlackMessages messages;

  private SlackKinds() {}

  /** Both kinds, sharing what they build with. */
  public static List<ChannelKind> create() {
    SlackKinds shared = new SlackKinds();
    return List.of(shared.new WebhookKind(), shared.new BotKind());
  }

  /** Building runs on one thread (the gateway's wiring), so no locking is needed. */
  private Slack slack(ChannelContext context) {
    if (slack == null) {
      slack = SlackClients.create(context.config().slack().apiUrl());
    }
    return slack;
  }

  private SlackMessages messages(ChannelContext context) {
    if (messages == null) {
      messages = new SlackMessages(context.host(), context.config().publicUrl().orElse(null));
    }
    return messages;
  }

  /** An incoming webhook: one URL, which is the secret. */
  private final class WebhookKind implements ChannelKind {

    @Override
    public String name() {
      return ChannelSpecs.SLACK_WEBHOOK;
    }

    @Override
    public List<String> problems(ChannelSpec spec) {
      return ChannelKind.notAUrl(spec.setting("url")).stream().toList();
    }

    @Override
    public Channel create(ChannelSpec spec, ChannelContext context) {
      return new SlackWebhookChannel(
          spec.id(),
          spec.value("url"),
          slack(context),
          messages(context),
          context.config().delivery().slackInterval());
    }
  }

  /** The bot: the workspace's bot token and one channel of it. */
  private final class BotKind implements ChannelKind {

    @Override
    public String name() {
      return ChannelSpecs.SLACK_BOT;
    }

    @Override
    public List<String> problems(ChannelSpec spec) {
      return Stream.concat(
              ChannelKind.together(spec.setting("token"), spec.setting("channel")).stream(),
              ChannelKind.notAUrl(spec.setting("apiUrl")).stream())
          .toList();
    }

    @Override
    public Channel create(ChannelSpec spec, ChannelContext context) {
      return new SlackBotChannel(
          spec.id(),
          spec.value("token"),
          spec.value("channel"),
          slack(context),
          messages(context),
          context.incidents(),
          context.config().delivery().slackInterval());
    }
  }
}
