package dev.ghost.gateway.delivery;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One kind of channel (a Slack webhook, a Slack bot, a signed webhook): how a spec of it is checked
 * and how it is built. Each kind lives in its own folder with its channel, its checks and its
 * native-image registration; adding one is a new folder, its line in the gateway's list of kinds
 * and its line in the channel contract test.
 */
public interface ChannelKind {

  /** The kind's name, as specs and {@link Channel#kind()} carry it. */
  String name();

  /** What is wrong with {@code spec}, each naming its key and never a value; empty when good. */
  List<String> problems(ChannelSpec spec);

  /** The channel; called only for a spec without problems. */
  Channel create(ChannelSpec spec, ChannelContext context);

  /** The problem of a setting that must be an http or https URL, if it is not one. */
  static Optional<String> notAUrl(ChannelSpec.Setting setting) {
    try {
      URI uri = URI.create(setting.value());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.empty();
      }
    } catch (IllegalArgumentException e) {
      // reported below, without the value: it may be a secret
    }
    return Optional.of(setting.key() + " must be an http or https URL");
  }

  /** The problem of two settings that go together when one is set without the other. */
  static Optional<String> together(ChannelSpec.Setting one, ChannelSpec.Setting other) {
    if (one.isSet() == other.isSet()) {
      return Optional.empty();
    }
    ChannelSpec.Setting missing = one.isSet() ? other : one;
    ChannelSpec.Setting given = one.isSet() ? one : other;
    return Optional.of(missing.key() + " is required with " + given.key());
  }
}
