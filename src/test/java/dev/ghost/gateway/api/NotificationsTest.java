package dev.ghost.gateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ghost.gateway.testsupport.Api;
import dev.ghost.gateway.testsupport.SlackWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path, from a fail signal over HTTP to requests arriving at WireMock acting as Slack and
 * as a signed-webhook receiver; silences and dead letters through the API; and no secret in any
 * answer, file or log line.
 */
@QuarkusTest
@WithTestResource(SlackWireMock.class)
class NotificationsTest {

  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void slackAnswersNormally() {
    SlackWireMock.answerLikeSlack();
  }

  @Test
  void aFailSignalReachesEveryChannelAndItsRecoveryThreadsUnderTheAlert() throws Exception {
    String daemon = Api.uniqueDaemon("e2e");
    upThenFailed(daemon);

    LoggedRequest signed = awaitOne(SlackWireMock.SIGNED_PATH, daemon, "\"type\":\"down\"");
    JsonNode payload = json.readTree(signed.getBodyAsString());
    assertEquals(1, payload.get("version").asInt());
    assertEquals("up", payload.get("from").asText());
    assertEquals("down", payload.get("to").asText());
    assertEquals(payload.get("id").asText(), signed.getHeader("Idempotency-Key"));
    assertSigned(signed);
    // Slack messages may group this change with others: look for its own line or header.
    awaitOne(SlackWireMock.WEBHOOK_PATH, daemon, down(daemon));
    awaitOne("/api/chat.postMessage", daemon, down(daemon));

    Api.heartbeat(daemon, "{}");
    awaitOne(SlackWireMock.SIGNED_PATH, daemon, "\"type\":\"recovered\"");
    awaitOne(SlackWireMock.WEBHOOK_PATH, daemon, recovered(daemon));
    awaitOne("/api/chat.update", daemon, recovered(daemon));
    LoggedRequest reply =
        awaitOne("/api/chat.postMessage", daemon, "thread_ts=" + SlackWireMock.TS);
    assertTrue(body(reply).contains("recovered"));
  }

  @Test
  void aSilencedDownIsRecordedButNotSentAndIsToldWhenTheSilenceEnds() throws Exception {
    String daemon = Api.uniqueDaemon("hushed");
    long id =
        Api.as(Api.ADMIN)
            .contentType(ContentType.JSON)
            .body("{\"match\": \"hushed-*\", \"for\": \"10m\", \"reason\": \"deploy\"}")
            .post("/api/v1/silences")
            .then()
            .statusCode(201)
            .body("match", equalTo("hushed-*"))
            .body("reason", equalTo("deploy"))
            .extract()
            .jsonPath()
            .getLong("id");
    given()
        .get("/api/v1/silences")
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.hasItem((int) id));

    upThenFailed(daemon);
    Api.awaitState(daemon, "down");
    // A notification is queued in the transaction that records its event, so with the down
    // recorded, an outbox without a row for it means nothing will be sent: no waiting needed.
    for (String state : new String[] {"pending", "sent", "failed"}) {
      Api.as(Api.ADMIN)
          .get("/api/v1/deliveries?state=" + state + "&limit=500")
          .then()
          .statusCode(200)
          .body("daemon", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(daemon)));
    }
    assertEquals(0, requests(SlackWireMock.SIGNED_PATH, daemon).size(), "silenced");
    given().get("/api/v1/events?daemon=" + daemon).then().body("events.size()", equalTo(2));

    Api.as(Api.ADMIN).delete("/api/v1/silences/{id}", id).then().statusCode(204);
    awaitOne(SlackWireMock.SIGNED_PATH, daemon, "\"type\":\"still_down\"");
    Api.as(Api.ADMIN).delete("/api/v1/silences/{id}", id).then().statusCode(404);
  }

  @Test
  void badSilencesAreRefusedWithWhatToFix() {
    for (String[] bad :
        new String[][] {
          {"{\"for\": \"1h\"}", "\"match\""},
          {"{\"match\": \"<x>\", \"for\": \"1h\"}", "\"match\""},
          {"{\"match\": \"a\"}", "exactly one of"},
          {
            "{\"match\": \"a\", \"for\": \"1h\", \"until\": \"2030-01-01T00:00:00Z\"}",
            "exactly one of"
          },
          {"{\"match\": \"a\", \"for\": \"soon\"}", "\"for\""},
          {"{\"match\": \"a\", \"until\": \"tomorrow\"}", "\"until\""},
          {"{\"match\": \"a\", \"for\": \"90d\"}", "within 30 days"},
          {"{\"match\": \"a\", \"until\": \"2001-01-01T00:00:00Z\"}", "in the future"},
          {"{\"match\": \"zz-*\", \"for\": \"1m\"}", "\"reason\" is required"},
          {"{\"match\": \"zz-*\", \"for\": \"1m\", \"reason\": \" \"}", "\"reason\" is required"},
          {
            "{\"match\": \"zz-*\", \"for\": \"1m\", \"reason\": \"" + "r".repeat(20_000) + "\"}",
            "\"reason\" is 20000 characters; the limit is 500"
          },
          {"{\"match\": \"*\", \"for\": \"1m\", \"reason\": \"all\"}", "a silence of every daemon"},
          {
            "{\"match\": \"*?*\", \"for\": \"1m\", \"reason\": \"all\"}",
            "a silence of every daemon"
          },
          {"{\"match\": \"zz-*\", \"for\": 60, \"reason\": \"x\"}", "\"for\" must be a string"},
          {"null", "the body must be a JSON object with the fields match, until, for, reason"},
        }) {
      Api.as(Api.ADMIN)
          .contentType(ContentType.JSON)
          .body(bad[0])
          .post("/api/v1/silences")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString(bad[1]));
    }
    Api.as(Api.WRITE)
        .contentType(ContentType.JSON)
        .body("{\"match\": \"a\", \"for\": \"1h\"}")
        .post("/api/v1/silences")
        .then()
        .statusCode(403);
    Api.as(Api.ADMIN).delete("/api/v1/silences/not-a-number").then().statusCode(404);
  }

  @Test
  void aRefusedNotificationIsADeadLetterThatAnAdminCanSendAgain() throws Exception {
    String daemon = Api.uniqueDaemon("dead");
    SlackWireMock.server()
        .stubFor(
            post(urlEqualTo(SlackWireMock.SIGNED_PATH))
                .atPriority(1)
                .withRequestBody(containing(daemon))
                .willReturn(aResponse().withStatus(410).withBody("gone")));
    upThenFailed(daemon);

    await().atMost(Duration.ofSeconds(5)).until(() -> failedDeliveries().contains(daemon));
    List<Integer> ids =
        Api.as(Api.ADMIN)
            .get("/api/v1/deliveries?state=failed&limit=500")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.daemon == '" + daemon + "' }.id");
    assertEquals(1, ids.size());
    Api.as(Api.ADMIN)
        .get("/api/v1/deliveries?state=failed&limit=500")
        .then()
        .body("find { it.daemon == '" + daemon + "' }.lastError", equalTo("HTTP 410 gone"))
        .body("find { it.daemon == '" + daemon + "' }.channel", equalTo("webhook"));
    // The status document counts dead letters at its next tick.
    await().atMost(Duration.ofSeconds(3)).until(() -> Api.status().getLong("delivery.failed") >= 1);
    assertEquals(1, requests(SlackWireMock.SIGNED_PATH, daemon).size(), "a 410 is not retried");

    SlackWireMock.answerLikeSlack();
    Api.as(Api.READ).post("/api/v1/deliveries/{id}/retry", ids.get(0)).then().statusCode(403);
    Api.as(Api.ADMIN).post("/api/v1/deliveries/{id}/retry", ids.get(0)).then().statusCode(202);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> requests(SlackWireMock.SIGNED_PATH, daemon).size() == 2);
    Api.as(Api.ADMIN).post("/api/v1/deliveries/{id}/retry", ids.get(0)).then().statusCode(404);
    Api.as(Api.ADMIN).get("/api/v1/deliveries?state=lost").then().statusCode(400);
  }

  @Test
  void noWebhookUrlTokenOrSigningSecretAppearsAnywhere() throws Exception {
    String daemon = Api.uniqueDaemon("leak");
    upThenFailed(daemon);
    awaitOne(SlackWireMock.WEBHOOK_PATH, daemon, down(daemon));
    SlackWireMock.server()
        .stubFor(
            post(urlEqualTo(SlackWireMock.WEBHOOK_PATH))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500)));
    Api.heartbeat(daemon, "{}");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> requests(SlackWireMock.WEBHOOK_PATH, daemon).size() >= 2);

    StringBuilder seen = new StringBuilder();
    seen.append(given().get("/ghost/status.json").asString());
    seen.append(Api.as(Api.ADMIN).get("/api/v1/deliveries?state=pending").asString());
    seen.append(Api.as(Api.ADMIN).get("/api/v1/deliveries?state=sent").asString());
    seen.append(given().get("/q/metrics").asString());
    seen.append(given().get("/q/openapi").asString());
    seen.append(Files.readString(Api.dataDir().resolve("status.json")));
    seen.append(Files.readString(Api.dataDir().resolve("gateway.log")));
    for (String secret : SlackWireMock.SECRETS) {
      assertFalse(seen.toString().contains(secret), "a secret leaked");
    }
    String channels = Api.status().getString("delivery.channels");
    assertTrue(channels.contains("…1c1d") || channels.contains("…7c1d"), channels);
  }

  /** The daemon appears up (which says nothing), then a fail signal makes it down. */
  private static void upThenFailed(String daemon) {
    Api.heartbeat(daemon, "{}");
    Api.awaitState(daemon, "up");
    Api.fail(daemon);
  }

  private String failedDeliveries() {
    return Api.as(Api.ADMIN).get("/api/v1/deliveries?state=failed&limit=500").asString();
  }

  private static List<LoggedRequest> requests(String path, String daemon) {
    return SlackWireMock.server()
        .findAll(postRequestedFor(urlEqualTo(path)).withRequestBody(containing(daemon)));
  }

  /** "🔴 name is down" alone, "🔴 `name` down" in a group. */
  private static Pattern down(String daemon) {
    return Pattern.compile("🔴 `?" + daemon + "`? (is )?down");
  }

  private static Pattern recovered(String daemon) {
    return Pattern.compile("🟢 `?" + daemon + "`? recovered");
  }

  private static LoggedRequest awaitOne(String path, String daemon, String text) {
    return awaitOne(path, daemon, Pattern.compile(Pattern.quote(text)));
  }

  /** Waits for the one request to {@code path} about {@code daemon} that {@code text} finds. */
  private static LoggedRequest awaitOne(String path, String daemon, Pattern text) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> matching(path, daemon, text).size() == 1);
    return matching(path, daemon, text).get(0);
  }

  private static List<LoggedRequest> matching(String path, String daemon, Pattern text) {
    return requests(path, daemon).stream()
        .filter(request -> text.matcher(body(request)).find())
        .toList();
  }

  /** The body as text; the Web API's form bodies decoded. */
  private static String body(LoggedRequest request) {
    String body = request.getBodyAsString();
    String type = request.getHeader("Content-Type");
    return type != null && type.startsWith("application/x-www-form-urlencoded")
        ? URLDecoder.decode(body, StandardCharsets.UTF_8)
        : body;
  }

  private static void assertSigned(LoggedRequest request) throws Exception {
    String header = request.getHeader("X-Ghost-Signature");
    String timestamp = header.substring(2, header.indexOf(','));
    String given = header.substring(header.indexOf("v1=") + 3);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            SlackWireMock.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    assertEquals(HexFormat.of().formatHex(mac.doFinal(request.getBody())), given);
    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 60);
  }
}
