package dev.ghost.gateway;

import dev.ghost.gateway.alert.AlertSettings;
import dev.ghost.gateway.alert.Glob;
import dev.ghost.gateway.alert.Routes;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.ChannelContext;
import dev.ghost.gateway.delivery.ChannelKind;
import dev.ghost.gateway.delivery.ChannelSpecs;
import dev.ghost.gateway.delivery.slack.SlackKinds;
import dev.ghost.gateway.delivery.webhook.SignedWebhookKind;
import dev.ghost.gateway.source.HeartbeatSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the alert policy's settings, the channels and the routes from the config. The list of
 * channel kinds is here; each kind's checks and building are in its own folder.
 */
public final class NotificationWiring {

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

  /** Every kind of channel the gateway can send to; each is made new, with nothing built yet. */
  public static List<ChannelKind> kinds() {
    List<ChannelKind> kinds = new ArrayList<>(SlackKinds.create());
    kinds.add(new SignedWebhookKind());
    return kinds;
  }

  /** The default channels first (in a fixed order), then the named ones. */
  static List<Channel> channels(ChannelContext context) {
    return ChannelSpecs.build(context.config(), kinds(), context);
  }

  /** Routes from the config; the default channels are the three built from one variable each. */
  static Routes routes(GatewayConfig config, List<String> channelIds) {
    List<String> defaults = channelIds.stream().filter(ChannelSpecs::isDefault).toList();
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
