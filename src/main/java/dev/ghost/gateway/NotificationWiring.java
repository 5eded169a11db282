package dev.ghost.gateway;

import static dev.ghost.gateway.config.ChannelConfigChecker.SLACK_BOT;
import static dev.ghost.gateway.config.ChannelConfigChecker.SLACK_WEBHOOK;
import static dev.ghost.gateway.config.ChannelConfigChecker.WEBHOOK;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import dev.ghost.gateway.alert.AlertSettings;
import dev.ghost.gateway.alert.Glob;
import dev.ghost.gateway.alert.Routes;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.slack.SlackBotChannel;
import dev.ghost.gateway.delivery.slack.SlackClients;
import dev.ghost.gateway.delivery.slack.SlackMessages;
import dev.ghost.gateway.delivery.slack.SlackWebhookChannel;
import dev.ghost.gateway.delivery.webhook.SignedWebhookChannel;
import dev.ghost.gateway.source.HeartbeatSource;
import dev.ghost.gateway.store.IncidentStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Builds the alert policy's settings, the channels and the routes from the config. */
final class NotificationWiring {

  private NotificationWiring() {}

  static AlertSettings alertSettings(GatewayConfig.Alert alert) {
    return new AlertSettings(
        alert.downAfter(),
        alert.upAfter(),
        alert.flapChanges(),
        alert.flapWindow(),
        alert.flapQuiet(),
        alert.reminders(),
        Set.of(HeartbeatSource.SOURCE));
  }

  /** The default channels first (in a fixed order), then the named ones. */
  static List<Channel> channels(
      GatewayConfig config, String host, IncidentStore incidents, Clock clock, ObjectMapper json) {
    GatewayConfig.Slack slackConfig = config.slack();
    // Built only when a Slack channel is configured: the client brings OkHttp, Kotlin and Gson,
    // whose loading a gateway without Slack should not pay for at every start.
    Supplier<Slack> slack = new Lazy<>(() -> SlackClients.create(slackConfig.apiUrl()));
    SlackMessages messages = new SlackMessages(host, config.publicUrl().orElse(null));
    Duration interval = config.delivery().slackInterval();
    // OkHttp, like the Slack client: it sends on the calling thread, where the JDK client hands
    // each request across threads, which cost milliseconds per notification on a busy machine.
    Supplier<OkHttpClient> http =
        new Lazy<>(
            () ->
                new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .callTimeout(Duration.ofSeconds(10))
                    .build());
    List<Channel> channels = new ArrayList<>();
    slackConfig
        .webhookUrl()
        .ifPresent(
            url ->
                channels.add(
                    new SlackWebhookChannel(SLACK_WEBHOOK, url, slack.get(), messages, interval)));
    if (slackConfig.botToken().isPresent() && slackConfig.channel().isPresent()) {
      channels.add(
          new SlackBotChannel(
              SLACK_BOT,
              slackConfig.botToken().get(),
              slackConfig.channel().get(),
              slack.get(),
              messages,
              incidents,
              interval));
    }
    if (config.webhook().url().isPresent() && config.webhook().secret().isPresent()) {
      channels.add(
          new SignedWebhookChannel(
              WEBHOOK,
              config.webhook().url().get(),
              config.webhook().secret().get(),
              http.get(),
              clock,
              json));
    }
    config
        .channels()
        .forEach(
            (id, channel) -> {
              if (channel.slackWebhookUrl().isPresent()) {
                channels.add(
                    new SlackWebhookChannel(
                        id, channel.slackWebhookUrl().get(), slack.get(), messages, interval));
              } else if (channel.slackChannel().isPresent()) {
                channels.add(
                    new SlackBotChannel(
                        id,
                        slackConfig.botToken().orElseThrow(),
                        channel.slackChannel().get(),
                        slack.get(),
                        messages,
                        incidents,
                        interval));
              } else {
                channels.add(
                    new SignedWebhookChannel(
                        id,
                        channel.url().orElseThrow(),
                        channel.secret().orElseThrow(),
                        http.get(),
                        clock,
                        json));
              }
            });
    return channels;
  }

  /** Builds its value on first use, once. Wiring runs on one thread, so no locking is needed. */
  private static final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> create;
    private T value;

    Lazy(Supplier<T> create) {
      this.create = create;
    }

    @Override
    public T get() {
      if (value == null) {
        value = create.get();
      }
      return value;
    }
  }

  /** Routes from the config; the default channels are the three built from one variable each. */
  static Routes routes(GatewayConfig config, List<Channel> channels) {
    List<String> defaults =
        channels.stream()
            .map(Channel::id)
            .filter(id -> id.equals(SLACK_WEBHOOK) || id.equals(SLACK_BOT) || id.equals(WEBHOOK))
            .toList();
    List<Routes.Route> routes = new ArrayList<>();
    config
        .routes()
        .forEach(
            (name, route) ->
                routes.add(
                    new Routes.Route(
                        name, route.match().stream().map(Glob::of).toList(), route.channels())));
    return new Routes(routes, defaults);
  }
}
