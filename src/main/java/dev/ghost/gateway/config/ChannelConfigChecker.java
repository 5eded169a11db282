package dev.ghost.gateway.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks the channel and route keys. Messages name keys, never values: the values are webhook URLs
 * and tokens, which must not reach a log.
 */
public final class ChannelConfigChecker {

  /** The ids of the default channels, in the order they are built. */
  public static final String SLACK_WEBHOOK = "slack-webhook";

  public static final String SLACK_BOT = "slack-bot";
  public static final String WEBHOOK = "webhook";

  private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._*?-]{1,64}");

  private ChannelConfigChecker() {}

  static List<String> problems(GatewayConfig config) {
    List<String> problems = new ArrayList<>();
    GatewayConfig.Slack slack = config.slack();
    slack.webhookUrl().ifPresent(url -> url(problems, "gateway.slack.webhook-url", url));
    if (slack.botToken().isPresent() != slack.channel().isPresent()) {
      problems.add(
          "gateway.slack.bot-token and gateway.slack.channel go together: set both or neither");
    }
    url(problems, "gateway.slack.api-url", slack.apiUrl());
    GatewayConfig.Webhook webhook = config.webhook();
    webhook.url().ifPresent(url -> url(problems, "gateway.webhook.url", url));
    if (webhook.url().isPresent() != webhook.secret().isPresent()) {
      problems.add(
          "gateway.webhook.url and gateway.webhook.secret go together: set both or neither");
    }
    config
        .channels()
        .forEach((id, channel) -> channel(problems, "gateway.channels." + id, id, channel, slack));
    Set<String> known = new TreeSet<>(config.channels().keySet());
    slack.webhookUrl().ifPresent(url -> known.add(SLACK_WEBHOOK));
    slack.botToken().ifPresent(token -> known.add(SLACK_BOT));
    webhook.url().ifPresent(url -> known.add(WEBHOOK));
    config
        .routes()
        .forEach(
            (name, route) -> {
              String key = "gateway.routes." + name;
              route.match().stream()
                  .filter(glob -> !GLOB.matcher(glob).matches())
                  .forEach(
                      glob ->
                          problems.add(
                              key
                                  + ".match: \""
                                  + glob
                                  + "\" is not a daemon-name glob ([A-Za-z0-9._-] with * and ?)"));
              route.channels().stream()
                  .filter(id -> !known.contains(id))
                  .forEach(
                      id ->
                          problems.add(
                              key + ".channels: no channel \"" + id + "\"; known: " + known));
            });
    return problems;
  }

  private static void channel(
      List<String> problems,
      String key,
      String id,
      GatewayConfig.ChannelConfig channel,
      GatewayConfig.Slack slack) {
    if (Set.of(SLACK_WEBHOOK, SLACK_BOT, WEBHOOK).contains(id)) {
      problems.add(key + ": " + id + " is the default channel's id; pick another");
    }
    int kinds =
        count(channel.slackWebhookUrl()) + count(channel.slackChannel()) + count(channel.url());
    if (kinds != 1) {
      problems.add(key + " needs exactly one of slack-webhook-url, slack-channel, url");
    }
    channel.slackWebhookUrl().ifPresent(url -> url(problems, key + ".slack-webhook-url", url));
    channel.url().ifPresent(url -> url(problems, key + ".url", url));
    if (channel.url().isPresent() && channel.secret().isEmpty()) {
      problems.add(key + ".secret is required with " + key + ".url");
    }
    if (channel.slackChannel().isPresent() && slack.botToken().isEmpty()) {
      problems.add(key + ".slack-channel needs gateway.slack.bot-token");
    }
  }

  private static int count(Optional<String> value) {
    return value.isPresent() ? 1 : 0;
  }

  private static void url(List<String> problems, String key, String value) {
    try {
      URI uri = URI.create(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // reported below, without the value: it may be a secret
    }
    problems.add(key + " must be an http or https URL");
  }
}
