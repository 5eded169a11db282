package dev.ghost.gateway.delivery;

import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.delivery.ChannelSpec.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads every configured channel into a {@link ChannelSpec}: first the default ones, each set by a
 * variable or two ({@code GATEWAY_SLACK_WEBHOOK_URL}; the bot token and channel; the webhook URL
 * and secret), then the named ones. One list, so one loop builds them all and one loop checks them.
 */
public final class ChannelSpecs {

  /** The ids of the default channels, in the order they are built. */
  public static final String SLACK_WEBHOOK = "slack-webhook";

  public static final String SLACK_BOT = "slack-bot";
  public static final String WEBHOOK = "webhook";

  private static final Set<String> DEFAULT_IDS = Set.of(SLACK_WEBHOOK, SLACK_BOT, WEBHOOK);
  private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._*?-]{1,64}");
  private static final String BOT_TOKEN = "gateway.slack.bot-token";

  private ChannelSpecs() {}

  /** The channels that are configured. A named channel of no single kind is left out. */
  public static List<ChannelSpec> of(GatewayConfig config) {
    List<ChannelSpec> specs = new ArrayList<>();
    GatewayConfig.Slack slack = config.slack();
    slack
        .webhookUrl()
        .ifPresent(
            url ->
                specs.add(
                    new ChannelSpec(
                        SLACK_WEBHOOK,
                        SLACK_WEBHOOK,
                        Map.of("url", new Setting("gateway.slack.webhook-url", url)))));
    if (slack.botToken().isPresent() || slack.channel().isPresent()) {
      specs.add(
          new ChannelSpec(
              SLACK_BOT,
              SLACK_BOT,
              Map.of(
                  "token", new Setting(BOT_TOKEN, slack.botToken().orElse(null)),
                  "channel", new Setting("gateway.slack.channel", slack.channel().orElse(null)),
                  "apiUrl", apiUrl(slack))));
    }
    GatewayConfig.Webhook webhook = config.webhook();
    if (webhook.url().isPresent() || webhook.secret().isPresent()) {
      specs.add(
          new ChannelSpec(
              WEBHOOK,
              WEBHOOK,
              Map.of(
                  "url", new Setting("gateway.webhook.url", webhook.url().orElse(null)),
                  "secret", new Setting("gateway.webhook.secret", webhook.secret().orElse(null)))));
    }
    config.channels().forEach((id, channel) -> named(id, channel, slack).ifPresent(specs::add));
    return specs;
  }

  /**
   * Every problem with the channels and the routes, each naming its key, never a value: the shape
   * of each named channel, then each kind's own checks, then the routes' channel ids and globs.
   */
  public static List<String> problems(GatewayConfig config, List<ChannelKind> kinds) {
    List<String> problems = new ArrayList<>();
    config
        .channels()
        .forEach(
            (id, channel) -> {
              String key = "gateway.channels." + id;
              if (DEFAULT_IDS.contains(id)) {
                problems.add(key + ": " + id + " is the default channel's id; pick another");
              }
              if (kindsSet(channel) != 1) {
                problems.add(key + " needs exactly one of slack-webhook-url, slack-channel, url");
              }
            });
    List<ChannelSpec> specs = of(config);
    for (ChannelSpec spec : specs) {
      problems.addAll(kind(spec, kinds).problems(spec));
    }
    // A named channel is known to the routes even when its own keys are wrong: that is one
    // problem, not two.
    Set<String> known = new TreeSet<>(config.channels().keySet());
    specs.forEach(spec -> known.add(spec.id()));
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

  /** Builds every configured channel, in the order of {@link #of}. */
  public static List<Channel> build(
      GatewayConfig config, List<ChannelKind> kinds, ChannelContext context) {
    return of(config).stream().map(spec -> kind(spec, kinds).create(spec, context)).toList();
  }

  /** Whether {@code id} is one of the default channels, which take what no route claims. */
  public static boolean isDefault(String id) {
    return DEFAULT_IDS.contains(id);
  }

  private static ChannelKind kind(ChannelSpec spec, List<ChannelKind> kinds) {
    return kinds.stream()
        .filter(kind -> kind.name().equals(spec.kind()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no channel kind " + spec.kind()));
  }

  private static Optional<ChannelSpec> named(
      String id, GatewayConfig.ChannelConfig channel, GatewayConfig.Slack slack) {
    if (kindsSet(channel) != 1) {
      return Optional.empty();
    }
    String key = "gateway.channels." + id;
    if (channel.slackWebhookUrl().isPresent()) {
      return Optional.of(
          new ChannelSpec(
              id,
              SLACK_WEBHOOK,
              Map.of(
                  "url",
                  new Setting(key + ".slack-webhook-url", channel.slackWebhookUrl().get()))));
    }
    if (channel.slackChannel().isPresent()) {
      return Optional.of(
          new ChannelSpec(
              id,
              SLACK_BOT,
              Map.of(
                  "channel", new Setting(key + ".slack-channel", channel.slackChannel().get()),
                  "token", new Setting(BOT_TOKEN, slack.botToken().orElse(null)),
                  "apiUrl", apiUrl(slack))));
    }
    return Optional.of(
        new ChannelSpec(
            id,
            WEBHOOK,
            Map.of(
                "url", new Setting(key + ".url", channel.url().orElse(null)),
                "secret", new Setting(key + ".secret", channel.secret().orElse(null)))));
  }

  private static Setting apiUrl(GatewayConfig.Slack slack) {
    return new Setting("gateway.slack.api-url", slack.apiUrl());
  }

  private static int kindsSet(GatewayConfig.ChannelConfig channel) {
    return (channel.slackWebhookUrl().isPresent() ? 1 : 0)
        + (channel.slackChannel().isPresent() ? 1 : 0)
        + (channel.url().isPresent() ? 1 : 0);
  }
}
