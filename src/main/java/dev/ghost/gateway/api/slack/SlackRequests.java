package dev.ghost.gateway.api.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.ghost.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Who may speak to the gateway from Slack: only requests Slack signed with the app's signing secret
 * (HMAC-SHA256 of {@code v0:timestamp:body}, compared in constant time, the timestamp within five
 * minutes, all by Slack's own verifier), and of those only the users and channels allowed, when an
 * allow-list is set.
 */
@Singleton
public class SlackRequests {

  @Inject GatewayConfig config;
  @Inject Clock clock;

  /** Whether Slack's endpoints are on: only with a signing secret to check requests against. */
  public boolean enabled() {
    return config.slack().signingSecret().isPresent();
  }

  /** Whether Slack signed {@code body} at {@code timestamp}, recently. */
  public boolean signed(String timestamp, String signature, String body) {
    Optional<String> secret = config.slack().signingSecret();
    if (secret.isEmpty() || timestamp == null || signature == null) {
      return false;
    }
    return new SlackSignature.Verifier(new SlackSignature.Generator(secret.get()))
        .isValid(timestamp, body, signature, clock.millis());
  }

  /** Why {@code user} may not act in {@code channel}, or empty when they may. */
  public Optional<String> refusal(String user, String channel) {
    if (!allowed(config.slack().allowedUsers(), user)) {
      return Optional.of("you are not among the gateway's allowed Slack users");
    }
    if (!allowed(config.slack().allowedChannels(), channel)) {
      return Optional.of("the gateway does not take actions from this channel");
    }
    return Optional.empty();
  }

  private static boolean allowed(Optional<List<String>> list, String id) {
    return list.isEmpty() || (id != null && list.get().contains(id));
  }
}
