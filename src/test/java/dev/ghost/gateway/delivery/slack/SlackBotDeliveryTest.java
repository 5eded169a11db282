package dev.ghost.gateway.delivery.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.delivery.Backoff;
import dev.ghost.gateway.delivery.DeliveryResult;
import dev.ghost.gateway.delivery.DeliveryWorker;
import dev.ghost.gateway.store.IncidentStore;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.OutboxEntry;
import dev.ghost.gateway.testsupport.ManualTicker;
import dev.ghost.gateway.testsupport.Outboxes;
import dev.ghost.gateway.testsupport.SqliteStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot: chat.postMessage for an alert, then chat.update and a thread reply for its recovery,
 * against WireMock answering as Slack's Web API does (HTTP 200 with {@code "ok"}), across a
 * restart.
 */
class SlackBotDeliveryTest {

  private static final String TOKEN = "xoxb-1111-2222-s3cretBotToken7a1e";
  private static final String TS = "1764324000.000100";
  private static final String POST = "/api/chat.postMessage";
  private static final String UPDATE = "/api/chat.update";

  @TempDir Path dir;
  private final WireMockServer slack = new WireMockServer(options().dynamicPort());
  private DataSource store;
  private final ManualTicker ticker = new ManualTicker();
  private DeliveryWorker worker;

  @BeforeEach
  void start() {
    slack.start();
    slack.stubFor(
        post(urlEqualTo(POST))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":\"C0ALERTS\",\"ts\":\""
                        + TS
                        + "\",\"message\":{}}")));
    slack.stubFor(
        post(urlEqualTo(UPDATE))
            .willReturn(okJson("{\"ok\":true,\"channel\":\"C0ALERTS\",\"ts\":\"" + TS + "\"}")));
    store = SqliteStores.migrated(dir.resolve("gateway.db"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (worker != null) {
      worker.close(Duration.ofSeconds(1));
    }
    slack.stop();
  }

  @Test
  void anAlertIsPostedThenUpdatedAndRepliedToInItsThreadEvenAfterARestart() throws Exception {
    Outboxes.enqueue(
        store, "slack-bot", List.of(Outboxes.down("ghost-bridge", "pid gone")), ticker.now());
    worker = worker(store);
    await().atMost(Duration.ofSeconds(5)).until(() -> requests(POST).size() == 1);
    LoggedRequest alert = requests(POST).get(0);
    assertEquals("Bearer " + TOKEN, alert.getHeader("Authorization"));
    assertTrue(alert.getBodyAsString().contains("channel=C0ALERTS"), alert.getBodyAsString());
    assertFalse(alert.getBodyAsString().contains("thread_ts"), "the alert starts a thread");
    await().atMost(Duration.ofSeconds(2)).until(() -> pending(store).isEmpty());
    worker.close(Duration.ofSeconds(1));

    DataSource reopened = SqliteStores.migrated(dir.resolve("gateway.db"));
    Outboxes.enqueue(
        reopened, "slack-bot", List.of(Outboxes.recovered("ghost-bridge")), ticker.now());
    worker = worker(reopened);

    await().atMost(Duration.ofSeconds(5)).until(() -> requests(POST).size() == 2);
    List<LoggedRequest> updates = requests(UPDATE);
    assertEquals(1, updates.size());
    String update = updates.get(0).getBodyAsString();
    assertTrue(update.contains("ts=" + TS), update);
    assertTrue(update.contains("Recovered"), "turned green: " + update);
    String reply = requests(POST).get(1).getBodyAsString();
    assertTrue(reply.contains("thread_ts=" + TS), reply);
    assertTrue(reply.contains("recovered"), reply);
    assertTrue(
        updates.get(0).getLoggedDate().compareTo(requests(POST).get(1).getLoggedDate()) <= 0,
        "the repeatable update goes before the reply");
  }

  /** A store that cannot say whether a recovery has an alert to reply to: retry, never guess. */
  @Test
  void aRecoveryWhoseParentCannotBeReadIsRetriedNotPostedAnew() throws Exception {
    AtomicBoolean broken = new AtomicBoolean();
    IncidentStore incidents = new IncidentStore(SqliteStores.breakable(store, broken));
    incidents.opened(
        "slack-bot",
        new IncidentStore.Message("C0ALERTS", TS),
        List.of(IncidentStore.Member.down("ghost-bridge", ticker.now(), "pid gone")));
    SlackBotChannel channel = channel(incidents);
    broken.set(true);

    List<Notification> recovery = List.of(Outboxes.recovered("ghost-bridge"));
    assertEquals(1, channel.fit(recovery));
    DeliveryResult result = channel.send(recovery);

    assertEquals(DeliveryResult.Outcome.RETRY, result.outcome(), result.detail());
    assertEquals(0, requests(POST).size() + requests(UPDATE).size(), "nothing sent on a guess");
    broken.set(false);
    assertEquals(DeliveryResult.Outcome.SENT, channel.send(recovery).outcome());
    assertTrue(requests(POST).get(0).getBodyAsString().contains("thread_ts=" + TS));
  }

  @Test
  void aChannelSlackDoesNotKnowIsADeadLetter() throws Exception {
    slack.stubFor(
        post(urlEqualTo(POST))
            .atPriority(1)
            .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    Outboxes.enqueue(store, "slack-bot", List.of(Outboxes.down("lost", "x")), ticker.now());
    worker = worker(store);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !new Outbox(store).list(OutboxEntry.State.FAILED, 5).isEmpty());
    ticker.awaitParked(1);
    ticker.advance(Duration.ofHours(1));
    ticker.awaitParked(1);
    assertEquals(1, requests(POST).size(), "not tried again");
    assertEquals(
        "Slack error channel_not_found",
        new Outbox(store).list(OutboxEntry.State.FAILED, 5).get(0).lastError());
  }

  @Test
  void aWebApi429WaitsForRetryAfter() throws Exception {
    slack.stubFor(
        post(urlEqualTo(POST))
            .atPriority(1)
            .inScenario("limit")
            .whenScenarioStateIs("Started")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "2")
                    .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
            .willSetStateTo("open"));
    Outboxes.enqueue(store, "slack-bot", List.of(Outboxes.down("busy", "x")), ticker.now());
    worker = worker(store);

    await().atMost(Duration.ofSeconds(5)).until(() -> requests(POST).size() == 1);
    ticker.awaitParked(1);
    ticker.advance(Duration.ofMillis(1_999));
    ticker.awaitParked(1);
    assertEquals(1, requests(POST).size(), "Slack asked for 2 s");
    ticker.advance(Duration.ofMillis(1));
    await().atMost(Duration.ofSeconds(5)).until(() -> requests(POST).size() == 2);
    await().atMost(Duration.ofSeconds(2)).until(() -> pending(store).isEmpty());
  }

  private DeliveryWorker worker(DataSource dataSource) {
    SlackBotChannel channel = channel(new IncidentStore(dataSource));
    DeliveryWorker started =
        new DeliveryWorker(
            ticker,
            new Outbox(dataSource),
            List.of(channel),
            new DeliveryWorker.Settings(
                Duration.ZERO, new Backoff(Duration.ofSeconds(4), () -> 0.5), () -> true));
    started.start();
    return started;
  }

  private SlackBotChannel channel(IncidentStore incidents) {
    return new SlackBotChannel(
        "slack-bot",
        TOKEN,
        "C0ALERTS",
        SlackClients.create(slack.baseUrl() + "/api/"),
        new SlackMessages("gw-1", null),
        incidents,
        Duration.ofMillis(100));
  }

  private List<LoggedRequest> requests(String path) {
    return slack.findAll(postRequestedFor(urlEqualTo(path)));
  }

  private static List<OutboxEntry> pending(DataSource dataSource) throws Exception {
    return new Outbox(dataSource).pending("slack-bot", 10);
  }
}
