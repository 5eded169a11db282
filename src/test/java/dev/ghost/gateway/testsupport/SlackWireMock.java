package dev.ghost.gateway.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * WireMock acting as Slack (an incoming webhook and the Web API) and as a signed-webhook receiver,
 * for a gateway with every default channel configured. Answers are Slack's: {@code ok} from a
 * webhook, {@code {"ok":true,...}} from the Web API.
 */
public class SlackWireMock implements QuarkusTestResourceLifecycleManager {

  public static final String WEBHOOK_PATH = "/services/T0GHOST/B0GHOST/s3cretE2eHook7c1d";
  public static final String BOT_TOKEN = "xoxb-42-42-s3cretE2eBotToken90ab";
  public static final String SIGNED_PATH = "/relay/s3cretE2eRelay31f0";
  public static final String SIGNING_SECRET = "s3cretE2eSigningKeyd00d";
  public static final String TS = "1764324000.000200";

  /** Every secret above, for leak checks. */
  public static final List<String> SECRETS =
      List.of(WEBHOOK_PATH.substring(1), BOT_TOKEN, SIGNED_PATH.substring(1), SIGNING_SECRET);

  private static WireMockServer server;

  public static WireMockServer server() {
    return server;
  }

  /** Slack's answers; tests that change them call this to put them back. */
  public static void answerLikeSlack() {
    server.resetMappings();
    server.stubFor(
        post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    server.stubFor(
        post(urlEqualTo("/api/chat.postMessage"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":\"C0E2E\",\"ts\":\"" + TS + "\",\"message\":{}}")));
    server.stubFor(
        post(urlEqualTo("/api/chat.update"))
            .willReturn(okJson("{\"ok\":true,\"channel\":\"C0E2E\",\"ts\":\"" + TS + "\"}")));
    server.stubFor(post(urlEqualTo(SIGNED_PATH)).willReturn(aResponse().withStatus(204)));
  }

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    answerLikeSlack();
    String base = server.baseUrl();
    return Map.ofEntries(
        Map.entry("gateway.slack.webhook-url", base + WEBHOOK_PATH),
        Map.entry("gateway.slack.bot-token", BOT_TOKEN),
        Map.entry("gateway.slack.channel", "C0E2E"),
        Map.entry("gateway.slack.api-url", base + "/api/"),
        Map.entry("gateway.webhook.url", base + SIGNED_PATH),
        Map.entry("gateway.webhook.secret", SIGNING_SECRET),
        Map.entry("gateway.alert.group-window", "300ms"),
        Map.entry("gateway.delivery.slack-interval", "100ms"),
        Map.entry("gateway.delivery.max-backoff", "2s"));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
