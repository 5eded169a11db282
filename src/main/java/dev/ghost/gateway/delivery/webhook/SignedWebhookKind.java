package dev.ghost.gateway.delivery.webhook;

import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.ChannelContext;
import dev.ghost.gateway.delivery.ChannelKind;
import dev.ghost.gateway.delivery.ChannelSpec;
import dev.ghost.gateway.delivery.ChannelSpecs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/** A signed JSON webhook: a URL and the key its requests are signed with. */
public final class SignedWebhookKind implements ChannelKind {

  private OkHttpClient http;

  @Override
  public String name() {
    return ChannelSpecs.WEBHOOK;
  }

  @Override
  public List<String> problems(ChannelSpec spec) {
    ChannelSpec.Setting url = spec.setting("url");
    Optional<String> badUrl = url.isSet() ? ChannelKind.notAUrl(url) : Optional.empty();
    return Stream.concat(
            badUrl.stream(), ChannelKind.together(url, spec.setting("secret")).stream())
        .toList();
  }

  @Override
  public Channel create(ChannelSpec spec, ChannelContext context) {
    return new SignedWebhookChannel(
        spec.id(),
        spec.value("url"),
        spec.value("secret"),
        http(),
        context.clock(),
        context.json());
  }

  /**
   * OkHttp, like the Slack client: it sends on the calling thread, where the JDK client hands each
   * request across threads, which cost milliseconds per notification on a busy machine. One client
   * for every webhook channel, made with the first; wiring runs on one thread.
   */
  private OkHttpClient http() {
    if (http == null) {
      http =
          new OkHttpClient.Builder()
              .connectTimeout(Duration.ofSeconds(5))
              .callTimeout(Duration.ofSeconds(10))
              .build();
    }
    return http;
  }
}
