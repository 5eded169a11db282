package dev.ghost.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

  @Test
  void liveAndReadyWhileSnapshotsAreFreshAndTheStoreWrites() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsShowDaemonsTicksWritesAndEvents() {
    dev.ghost.gateway.testsupport.Api.heartbeat(
        dev.ghost.gateway.testsupport.Api.uniqueDaemon("metrics"), "{}");
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("gateway_daemons{state=\"up\""))
        .body(containsString("gateway_tick_duration_seconds"))
        .body(containsString("gateway_status_write_failures_total"))
        .body(containsString("gateway_store_failures_total"))
        .body(containsString("gateway_events_written_total"));
  }
}
