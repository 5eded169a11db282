package dev.ghost.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.ghost.gateway.testsupport.Api;
import dev.ghost.gateway.testsupport.SlackWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as it ships (prod profile), with WireMock as Slack and as the signed
 * webhook's receiver: status.json, a heartbeat, a transition in the event log, a notification.
 */
@QuarkusIntegrationTest
@WithTestResource(SlackWireMock.class)
@TestProfile(PackagedGatewayIT.Packaged.class)
class PackagedGatewayIT {

  /** A data dir of its own, the test tokens, a 1-second tick. */
  public static class Packaged implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gateway.data-dir", "target/it-data-" + System.currentTimeMillis(),
          "gateway.auth.tokens", "read:" + Api.READ + ",write:" + Api.WRITE + ",admin:" + Api.ADMIN,
          "gateway.tick", "1s");
    }
  }

  @Test
  void theShippedJarServesStatusTakesHeartbeatsRecordsChangesAndNotifies() {
    given().get("/ghost/status.json").then().statusCode(200).body("schemaVersion", equalTo(1));
    String daemon = Api.uniqueDaemon("packaged");
    Api.heartbeat(daemon, "{}");
    Api.awaitState(daemon, "up");
    Api.fail(daemon);
    Api.awaitState(daemon, "down");

    given()
        .get("/api/v1/events?daemon=" + daemon)
        .then()
        .statusCode(200)
        .body("events.kind", hasItems("appeared", "down"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                SlackWireMock.server()
                        .findAll(
                            postRequestedFor(urlEqualTo(SlackWireMock.SIGNED_PATH))
                                .withRequestBody(containing(daemon))
                                .withRequestBody(containing("\"type\":\"down\"")))
                        .size()
                    == 1);
  }
}
