package dev.ghost.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ghost.gateway.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The test profile declares two probed daemons that point at the gateway itself: an HTTP probe of
 * /q/health/live checking /status, and a TCP probe of its port.
 */
@QuarkusTest
class ProbesTest {

  @Test
  void probedDaemonsAreUpWithTheirLatencyInTheDocumentAndMetrics() {
    Api.awaitState("self-http", "up");
    Api.awaitState("self-tcp", "up");
    // Up may be the state restored from before a restart; the latency comes with the first run.
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Api.status().get("probes.self-http.latencyMs") != null);

    JsonPath status = Api.status();
    assertEquals("probe", status.getString("daemons.self-http.source"));
    assertEquals("http", status.getString("probes.self-http.kind"));
    assertEquals("tcp", status.getString("probes.self-tcp.kind"));
    assertNotNull(status.get("probes.self-http.latencyMs"));
    assertEquals(500, status.getInt("probes.self-tcp.intervalMs"));
    given()
        .get("/q/metrics")
        .then()
        .body(containsString("gateway_probe_latency_seconds{daemon=\"self-http\""))
        .body(containsString("gateway_probe_latency_seconds{daemon=\"self-tcp\""));
  }

  @Test
  void theDocumentNamesNoProbeTarget() {
    Api.awaitState("self-http", "up");
    String document = given().get("/ghost/status.json").asString();
    org.junit.jupiter.api.Assertions.assertFalse(document.contains("/q/health/live"));
  }
}
