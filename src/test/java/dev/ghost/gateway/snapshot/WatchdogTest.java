package dev.ghost.gateway.snapshot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ghost.gateway.domain.Snapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dead man's switch against a real HTTP receiver (WireMock as Healthchecks). */
class WatchdogTest {

  private static final String PATH = "/ping/s3cret-check-uuid-5e1f";

  private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Logger log = Logger.getLogger(Watchdog.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Watchdog watchdog;

  @BeforeEach
  void start() {
    receiver.start();
    receiver.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
    log.addHandler(capture);
    watchdog = new Watchdog(receiver.baseUrl() + PATH, "get", Duration.ofSeconds(5), meters);
  }

  @AfterEach
  void stop() {
    log.removeHandler(capture);
    receiver.stop();
  }

  @Test
  void aRecordedTickIsPingedAndOneTheStoreRefusedIsNot() {
    watchdog.accept(tick(Optional.empty()));
    await().atMost(Duration.ofSeconds(5)).until(() -> pings() == 1);
    assertEquals(1.0, meters.get("gateway.watchdog.pings").counter().count());

    watchdog.accept(tick(Optional.of("disk I/O error")));
    watchdog.accept(tick(Optional.empty()));
    await().atMost(Duration.ofSeconds(5)).until(() -> pings() == 2);
    assertEquals(
        "GET", receiver.findAll(anyRequestedFor(urlEqualTo(PATH))).get(0).getMethod().getName());
  }

  @Test
  void aSlowWatchdogHoldsUpNoTickAndGetsOnePingAtATime() {
    receiver.stubFor(
        any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));
    long started = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      watchdog.accept(tick(Optional.empty()));
    }
    assertTrue(System.nanoTime() - started < Duration.ofMillis(500).toNanos(), "a tick waited");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> meters.get("gateway.watchdog.pings").counter().count() == 1);
    assertEquals(1, pings(), "the ticks during the ping skipped theirs");
  }

  @Test
  void failuresAreCountedAndLoggedOncePerCauseWithoutTheUrl() {
    receiver.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    for (int i = 1; i <= 3; i++) {
      watchdog.accept(tick(Optional.empty()));
      double expected = i;
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> meters.get("gateway.watchdog.failures").counter().count() == expected);
    }
    assertEquals(
        1, logged.stream().filter(line -> line.contains("HTTP 503")).count(), logged.toString());

    receiver.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
    watchdog.accept(tick(Optional.empty()));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> logged.contains("the watchdog is pinged again"));
    assertFalse(String.join("\n", logged).contains("s3cret"), "the URL was logged");
  }

  private int pings() {
    return receiver.findAll(anyRequestedFor(urlEqualTo(PATH))).size();
  }

  private static TickResult tick(Optional<String> storeError) {
    return new TickResult(Snapshot.EMPTY, List.of(), storeError, Optional.empty(), 1);
  }
}
