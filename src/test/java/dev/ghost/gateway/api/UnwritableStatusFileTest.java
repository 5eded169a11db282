package dev.ghost.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.ghost.gateway.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** status.json cannot be written (not even root can create files in /proc). */
@QuarkusTest
@TestProfile(UnwritableStatusFileTest.StatusFileInProc.class)
class UnwritableStatusFileTest {

  public static class StatusFileInProc implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gateway.status-file",
          "/proc/ghost-gateway/status.json",
          "gateway.data-dir",
          System.getProperty("gateway.data-dir", "target/test-data") + "-unwritable");
    }
  }

  @Test
  void readinessAndMetricsShowItWhileTheSchedulerKeepsTicking() {
    long first = Api.status().getLong("sequence");

    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("status", equalTo("DOWN"))
        .body(containsString("statusFile"));
    given()
        .get("/q/metrics")
        .then()
        .body(matchesPattern("(?s).*gateway_status_write_failures_total(\\{[^}]*\\})? [1-9].*"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Api.status().getLong("sequence") > first);
    given().get("/q/health/live").then().statusCode(200);
  }
}
