package dev.ghost.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ghost.gateway.delivery.webhook.SignedWebhookChannel;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.testsupport.ManualTicker;
import dev.ghost.gateway.testsupport.Outboxes;
import dev.ghost.gateway.testsupport.SqliteStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group window holds back only channels that group; one request per change goes at once. */
class GroupWindowTest {

  private static final String PATH = "/relay/group-window";

  @TempDir Path dir;
  private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
  private final ManualTicker ticker = new ManualTicker();
  private DeliveryWorker worker;

  @AfterEach
  void stop() throws InterruptedException {
    worker.close(Duration.ofSeconds(1));
    receiver.stop();
  }

  @Test
  void theSignedWebhookDoesNotWaitOutTheSlackGroupWindow() throws Exception {
    receiver.start();
    receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
    DataSource store = SqliteStores.migrated(dir.resolve("g.db"));
    Channel webhook =
        new SignedWebhookChannel(
            "webhook",
            receiver.baseUrl() + PATH,
            "group-window-signing-key",
            new OkHttpClient(),
            Clock.systemUTC(),
            new ObjectMapper());
    assertFalse(webhook.groups());
    worker =
        new DeliveryWorker(
            ticker,
            new Outbox(store),
            List.of(webhook),
            new DeliveryWorker.Settings(
                Duration.ofSeconds(30), new Backoff(Duration.ofSeconds(8), () -> 0.5), () -> true));
    worker.start();

    Outboxes.enqueue(store, "webhook", List.of(Outboxes.down("at-once", "x")), ticker.now());
    worker.wake();

    // The worker's time never moves: an arrival at all means the window was not waited out.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !receiver.findAll(postRequestedFor(urlEqualTo(PATH))).isEmpty());
  }
}
