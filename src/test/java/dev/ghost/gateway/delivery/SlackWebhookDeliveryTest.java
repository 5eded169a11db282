package dev.ghost.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.delivery.slack.SlackClients;
import dev.ghost.gateway.delivery.slack.SlackMessages;
import dev.ghost.gateway.delivery.slack.SlackWebhookChannel;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.OutboxEntry;
import dev.ghost.gateway.testsupport.ManualTicker;
import dev.ghost.gateway.testsupport.Outboxes;
import dev.ghost.gateway.testsupport.SqliteStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery worker and a Slack incoming webhook against WireMock answering as Slack does ({@code
 * ok}, {@code 429} with {@code Retry-After}, {@code 500}, {@code 404 no_service}), with a real
 * SQLite outbox. Requests are counted at WireMock, never taken from logs. The worker runs on a
 * {@link ManualTicker}: waits of seconds take none, and "nothing more was sent" is checked with the
 * worker parked until a time still to come, not by sleeping.
 */
class SlackWebhookDeliveryTest {

  private static final String PATH = "/services/T0GHOST/B0GHOST/s3cretWebhookToken9f2c";
  private static final Duration AN_HOUR = Duration.ofHours(1);

  @TempDir Path dir;
  private final WireMockServer slack = new WireMockServer(options().dynamicPort());
  private final ManualTicker ticker = new ManualTicker();
  private DataSource store;
  private DeliveryWorker worker;

  @BeforeEach
  void start() {
    slack.start();
    slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
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
  void aNotificationArrivesOnceWithBlocksAndAFallbackText() throws Exception {
    enqueue(Outboxes.down("ghost-bridge", "pid 4242 gone"));
    startWorker(Duration.ZERO);

    await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() == 1);
    String body = requests().get(0).getBodyAsString();
    assertTrue(body.contains("\"blocks\""), body);
    assertTrue(body.contains("\"text\":\"🔴 ghost-bridge is down: pid 4242 gone\""), body);
    assertTrue(body.contains("\"type\":\"header\""), body);
    await().atMost(Duration.ofSeconds(2)).until(() -> pending().isEmpty());
    assertNothingMoreWithin(AN_HOUR, 1);
  }

  @Test
  void a429IsRetriedAfterExactlyRetryAfterAndDeliveredOnce() throws Exception {
    answerOnceThenOk(
        aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("rate_limited"));
    enqueue(Outboxes.down("rate-limited", "x"));
    startWorker(Duration.ZERO);

    await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() == 1);
    assertNothingMoreWithin(Duration.ofMillis(2_999), 1);
    ticker.advance(Duration.ofMillis(1));
    await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() == 2);
    await().atMost(Duration.ofSeconds(2)).until(() -> pending().isEmpty());
    assertNothingMoreWithin(AN_HOUR, 2);
  }

  @Test
  void aThirtySecond500StormDeliversEverythingAfterwardsInOrderAndNothingTwice() throws Exception {
    slack.stubFor(
        post(urlEqualTo(PATH))
            .atPriority(1)
            .willReturn(aResponse().withStatus(500).withBody("rollup_error")));
    List<Notification> changes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      changes.add(Outboxes.down("storm-" + i, "down"));
      changes.add(Outboxes.recovered("storm-" + i));
    }
    // Each enqueued apart so that no two share a group: eight messages, eight requests.
    for (Notification change : changes) {
      enqueue(change);
      ticker.advance(Duration.ofMillis(5));
    }
    startWorker(Duration.ZERO);
    await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() == 1);
    for (int second = 0; second < 30; second++) {
      ticker.advance(Duration.ofSeconds(1));
      ticker.awaitParked(1);
    }
    int duringStorm = requests().size();
    slack.resetMappings();
    slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));

    ticker.stepUntil(Duration.ofSeconds(1), 1, () -> pending().isEmpty());
    List<String> delivered = new ArrayList<>();
    List<LoggedRequest> all = requests();
    for (LoggedRequest request : all.subList(duringStorm, all.size())) {
      delivered.add(headline(request.getBodyAsString()));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      expected.add("🔴 storm-" + i + " is down");
      expected.add("🟢 storm-" + i + " recovered");
    }
    assertEquals(expected, delivered);
    // Backoff 0.9, 1.8, 3.6, 7.2 s (max 8 s, jitter at its middle): six tries in thirty seconds.
    assertTrue(
        duringStorm >= 4 && duringStorm <= 10, "backed off during the storm: " + duringStorm);
  }

  @Test
  void noServiceIsADeadLetterAndIsNotRetried() throws Exception {
    slack.stubFor(
        post(urlEqualTo(PATH))
            .atPriority(1)
            .willReturn(aResponse().withStatus(404).withBody("no_service")));
    enqueue(Outboxes.down("gone-hook", "x"));
    startWorker(Duration.ZERO);

    await().atMost(Duration.ofSeconds(5)).until(() -> !failed().isEmpty());
    assertNothingMoreWithin(AN_HOUR, 1);
    OutboxEntry dead = failed().get(0);
    assertEquals("HTTP 404 no_service", dead.lastError());
    assertEquals(1, dead.attempts(), "the attempt that ended it counts");
    assertEquals(1, worker.report().failed());
    assertFalse(worker.report().channels().get(0).target().contains("s3cret"));
  }

  @Test
  void threeHundredDaemonsFailingTogetherGoOutAsFewMessagesNamingEveryOne() throws Exception {
    List<Notification> downs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      downs.add(
          Outboxes.down(String.format("worker-%03d", i), "pid " + (4000 + i) + " is not running"));
    }
    Outboxes.enqueue(store, "slack-webhook", downs, ticker.now());
    startWorker(Duration.ofSeconds(1));

    ticker.stepUntil(Duration.ofMillis(500), 1, () -> pending().isEmpty());
    List<LoggedRequest> sent = requests();
    String all = String.join("\n", sent.stream().map(LoggedRequest::getBodyAsString).toList());
    for (int i = 0; i < 300; i++) {
      assertTrue(all.contains(String.format("worker-%03d", i)), "worker-" + i + " named");
    }
    // ~45 characters a line: 13,500 characters need two messages under Slack's 12,000, not 300.
    assertEquals(2, sent.size(), "messages");
  }

  @Test
  void theGroupWindowHoldsTheFirstUntilItEnds() throws Exception {
    enqueue(Outboxes.down("first", "x"));
    startWorker(Duration.ofSeconds(5));

    assertNothingMoreWithin(Duration.ofMillis(4_999), 0);
    enqueue(Outboxes.down("joins-it", "x"));
    ticker.advance(Duration.ofMillis(1));
    await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() == 1);
    String body = requests().get(0).getBodyAsString();
    assertTrue(body.contains("first") && body.contains("joins-it"), body);
  }

  @Test
  void pendingNotificationsGoOutAfterARestartExactlyOnce() throws Exception {
    slack.stubFor(post(urlEqualTo(PATH)).atPriority(1).willReturn(aResponse().withStatus(503)));
    enqueue(Outboxes.down("survivor-a", "x"));
    ticker.advance(Duration.ofMillis(5));
    enqueue(Outboxes.down("survivor-b", "x"));
    startWorker(Duration.ZERO);
    await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() >= 1);
    worker.close(Duration.ofSeconds(1));

    slack.resetAll();
    slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    DataSource reopened = SqliteStores.migrated(dir.resolve("gateway.db"));
    worker = worker(reopened, Duration.ZERO);
    worker.start();

    ticker.stepUntil(
        Duration.ofMillis(500),
        1,
        () -> new Outbox(reopened).pending("slack-webhook", 10).isEmpty());
    assertNothingMoreWithin(AN_HOUR, 2);
    List<String> delivered = requests().stream().map(r -> headline(r.getBodyAsString())).toList();
    assertEquals(List.of("🔴 survivor-a is down", "🔴 survivor-b is down"), delivered);
  }

  @Test
  void aRowSentAfterARetryCountsBothAttemptsAndForgetsTheError() throws Exception {
    answerOnceThenOk(aResponse().withStatus(503).withBody("service_unavailable"));
    enqueue(Outboxes.down("second-try", "x"));
    startWorker(Duration.ZERO);

    ticker.stepUntil(Duration.ofMillis(500), 1, () -> pending().isEmpty());
    OutboxEntry sent = new Outbox(store).list(OutboxEntry.State.SENT, 1).get(0);
    assertEquals(2, sent.attempts());
    assertEquals(null, sent.lastError());
  }

  /**
   * Slack is not there at all for a while (nothing listens on its port): it is knocked on every
   * second, not after a growing backoff, so the message arrives within a second of its return.
   */
  @Test
  void aSlackThatDoesNotAnswerGetsTheMessageWithinASecondOfItsReturn() throws Exception {
    int port = slack.port();
    startWorker(Duration.ZERO);
    slack.stop();
    enqueue(Outboxes.down("back-soon", "x"));
    worker.wake();
    await().atMost(Duration.ofSeconds(5)).until(() -> attemptsOfHead() == 1);
    for (int knock = 2; knock <= 5; knock++) {
      ticker.advance(Duration.ofSeconds(1));
      int expected = knock;
      await().atMost(Duration.ofSeconds(5)).until(() -> attemptsOfHead() == expected);
    }

    WireMockServer returned = new WireMockServer(options().port(port));
    returned.start();
    try {
      returned.stubFor(
          post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
      ticker.advance(Duration.ofSeconds(1));
      await().atMost(Duration.ofSeconds(5)).until(() -> pending().isEmpty());
      assertEquals(1, returned.findAll(postRequestedFor(urlEqualTo(PATH))).size());
    } finally {
      returned.stop();
    }
  }

  /** Moves the time on by {@code span} and checks that still only {@code count} were sent. */
  private void assertNothingMoreWithin(Duration span, int count) {
    ticker.awaitParked(1);
    ticker.advance(span);
    ticker.awaitParked(1);
    assertEquals(count, requests().size(), "requests after " + span + " more");
  }

  private int attemptsOfHead() throws Exception {
    List<OutboxEntry> queue = pending();
    return queue.isEmpty() ? 0 : queue.get(0).attempts();
  }

  /** Slack answers the first request with {@code first}, and every later one with {@code ok}. */
  private void answerOnceThenOk(ResponseDefinitionBuilder first) {
    slack.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("once")
            .whenScenarioStateIs("Started")
            .willReturn(first)
            .willSetStateTo("served"));
    slack.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("once")
            .whenScenarioStateIs("served")
            .willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  private void enqueue(Notification notification) throws Exception {
    Outboxes.enqueue(store, "slack-webhook", List.of(notification), ticker.now());
  }

  private void startWorker(Duration groupWindow) {
    worker = worker(store, groupWindow);
    worker.start();
  }

  private DeliveryWorker worker(DataSource dataSource, Duration groupWindow) {
    Channel channel =
        new SlackWebhookChannel(
            "slack-webhook",
            slack.baseUrl() + PATH,
            SlackClients.create(slack.baseUrl() + "/api/"),
            new SlackMessages("test-host", "https://ghost.example.test"),
            Duration.ofMillis(200));
    return new DeliveryWorker(
        ticker,
        new Outbox(dataSource),
        List.of(channel),
        new DeliveryWorker.Settings(
            groupWindow, new Backoff(Duration.ofSeconds(8), () -> 0.5), () -> true));
  }

  private List<LoggedRequest> requests() {
    return slack.findAll(postRequestedFor(urlEqualTo(PATH)));
  }

  private List<OutboxEntry> pending() throws Exception {
    return new Outbox(store).pending("slack-webhook", 1_000);
  }

  private List<OutboxEntry> failed() throws Exception {
    return new Outbox(store).list(OutboxEntry.State.FAILED, 10);
  }

  /** The header block's text: what the message says in one line. */
  private static String headline(String body) {
    int start = body.indexOf("\"type\":\"header\"");
    int text = body.indexOf("\"text\":\"", body.indexOf("\"text\":{", start)) + 8;
    return body.substring(text, body.indexOf('"', text));
  }
}
