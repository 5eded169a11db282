package dev.ghost.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ghost.gateway.NotificationWiring;
import dev.ghost.gateway.StartupChecks;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.delivery.DeliveryResult.Outcome;
import dev.ghost.gateway.store.IncidentStore;
import dev.ghost.gateway.testsupport.Configs;
import dev.ghost.gateway.testsupport.Outboxes;
import dev.ghost.gateway.testsupport.SqliteStores;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract every channel passes (after Alertmanager's notify/test): the same table of answers
 * gives the same retry decision, and no answer, error or description shows a secret.
 */
class ChannelContractTest {

  private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
  private static final String WEBHOOK_PATH = "/services/T0/B0/s3cretHookPath4d2a";
  private static final String BOT_TOKEN = "xoxb-9-9-s3cretBotToken0b7c";
  private static final String SIGNED_PATH = "/relay/s3cretRelayPath88aa";
  private static final String SIGNING_SECRET = "s3cretSigningKey5e6f";

  @BeforeAll
  static void start() {
    SERVER.start();
  }

  @AfterAll
  static void stop() {
    SERVER.stop();
  }

  /** A channel under test, built against a base URL. */
  record Kind(String name, Function<String, Channel> build) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Every kind, configured as a user configures it (its keys), and built as the gateway builds it:
   * config, spec, the kind's own checks and factory. A new kind is one more row.
   */
  static List<Kind> kinds() throws Exception {
    IncidentStore incidents =
        new IncidentStore(
            SqliteStores.migrated(Files.createTempDirectory("contract").resolve("g.db")));
    return List.of(
        kind(
            incidents,
            "slack-webhook",
            base -> Map.of("gateway.slack.webhook-url", base + WEBHOOK_PATH)),
        kind(
            incidents,
            "slack-bot",
            base -> Map.of("gateway.slack.bot-token", BOT_TOKEN, "gateway.slack.channel", "C0")),
        kind(
            incidents,
            "webhook",
            base ->
                Map.of(
                    "gateway.webhook.url",
                    base + SIGNED_PATH,
                    "gateway.webhook.secret",
                    SIGNING_SECRET)));
  }

  private static Kind kind(
      IncidentStore incidents, String name, Function<String, Map<String, String>> keys) {
    return new Kind(
        name,
        base -> {
          Map<String, String> properties = new HashMap<>(keys.apply(base));
          properties.put("gateway.slack.api-url", base + "/api/");
          properties.put("gateway.delivery.slack-interval", "0s");
          GatewayConfig config = Configs.gateway(properties);
          assertEquals(List.of(), StartupChecks.configProblems(config), name);
          List<Channel> built =
              ChannelSpecs.build(
                  config,
                  NotificationWiring.kinds(),
                  new ChannelContext(
                      config, "gw", Clock.systemUTC(), new ObjectMapper(), incidents));
          assertEquals(1, built.size(), name);
          assertEquals(name, built.get(0).kind());
          return built.get(0);
        });
  }

  /**
   * Status, body (Slack's own words where Slack has them), the decision every channel must make.
   */
  static Stream<Arguments> table() throws Exception {
    Object[][] rows = {
      {500, "rollup_error", Outcome.RETRY},
      {502, "", Outcome.RETRY},
      {503, "", Outcome.RETRY},
      {408, "", Outcome.RETRY},
      {429, "rate_limited", Outcome.RETRY_AFTER},
      {400, "invalid_payload", Outcome.PERMANENT},
      {403, "action_prohibited", Outcome.PERMANENT},
      {404, "no_service", Outcome.PERMANENT},
      {404, "channel_not_found", Outcome.PERMANENT},
      {410, "channel_is_archived", Outcome.PERMANENT},
    };
    List<Arguments> cases = new ArrayList<>();
    for (Kind kind : kinds()) {
      for (Object[] row : rows) {
        cases.add(Arguments.of(kind, row[0], row[1], row[2]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: HTTP {1} {2} -> {3}")
  @MethodSource("table")
  void everyChannelClassifiesAnswersAlike(Kind kind, int status, String body, Outcome expected) {
    SERVER.resetAll();
    SERVER.stubFor(
        post(anyUrl())
            .willReturn(
                aResponse().withStatus(status).withHeader("Retry-After", "7").withBody(body)));
    Channel channel = kind.build().apply(SERVER.baseUrl());

    DeliveryResult result = channel.send(List.of(Outboxes.down("contract-" + status, "x")));

    assertEquals(expected, result.outcome(), result.detail());
    if (expected == Outcome.RETRY_AFTER) {
      assertEquals(Duration.ofSeconds(7), result.delay());
    }
    assertNoSecret(channel, result.detail());
    assertNoSecret(channel, channel.target());
  }

  static Stream<Kind> kindsStream() throws Exception {
    return kinds().stream();
  }

  @ParameterizedTest(name = "{0}: 2xx is sent")
  @MethodSource("kindsStream")
  void success(Kind kind) {
    SERVER.resetAll();
    SERVER.stubFor(
        post(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(okBody(kind))));
    DeliveryResult result =
        kind.build().apply(SERVER.baseUrl()).send(List.of(Outboxes.down("fine", "x")));
    assertEquals(Outcome.SENT, result.outcome(), result.detail());
  }

  @ParameterizedTest(name = "{0}: a refused connection is unreachable and names no secret")
  @MethodSource("kindsStream")
  void refusedConnection(Kind kind) throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Channel channel = kind.build().apply("http://127.0.0.1:" + closed);
    DeliveryResult result = channel.send(List.of(Outboxes.down("unreachable", "x")));
    assertEquals(Outcome.UNREACHABLE, result.outcome(), result.detail());
    assertNoSecret(channel, result.detail());
  }

  private static String okBody(Kind kind) {
    return kind.name().equals("slack-bot")
        ? "{\"ok\":true,\"channel\":\"C0\",\"ts\":\"1.2\"}"
        : "ok";
  }

  private static void assertNoSecret(Channel channel, String text) {
    for (String secret : List.of(WEBHOOK_PATH, BOT_TOKEN, SIGNED_PATH, SIGNING_SECRET)) {
      assertFalse(text.contains(secret.substring(1)), channel.kind() + " showed a secret: " + text);
    }
    assertFalse(text.contains("s3cret"), channel.kind() + " showed a secret: " + text);
  }
}
