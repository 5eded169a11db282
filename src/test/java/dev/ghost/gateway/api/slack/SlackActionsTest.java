package dev.ghost.gateway.api.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ghost.gateway.testsupport.Api;
import dev.ghost.gateway.testsupport.SlackWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slack answering back, with requests signed in the test the way Slack signs them (HMAC-SHA256 of
 * {@code v0:timestamp:body} with the app's signing secret), and WireMock as Slack's Web API.
 */
@QuarkusTest
@WithTestResource(SlackWireMock.class)
@TestProfile(SlackActionsTest.SigningSecret.class)
class SlackActionsTest {

  static final String SECRET = "s3cretSlackSigning0b5e";
  static final String ALICE = "U0ALICE";

  public static class SigningSecret implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gateway.slack.signing-secret",
          SECRET,
          "gateway.slack.allowed-users",
          ALICE + ",U0BOB",
          "gateway.data-dir",
          System.getProperty("gateway.data-dir", "target/test-data") + "-slack");
    }
  }

  @AfterEach
  void slackAnswersNormally() {
    SlackWireMock.answerLikeSlack();
  }

  @Test
  void onlyRecentRequestsSignedWithTheSecretAreTaken() {
    String body = command(ALICE, "silence sig-* 1h deploy");
    long now = Instant.now().getEpochSecond();
    post("/slack/commands", body, now, sign(SECRET, now, body + "&tampered=1")).statusCode(401);
    post("/slack/commands", body, now, sign("not-the-secret", now, body)).statusCode(401);
    long old = now - Duration.ofMinutes(10).toSeconds();
    post("/slack/commands", body, old, sign(SECRET, old, body)).statusCode(401);
    given()
        .contentType(ContentType.URLENC)
        .body(body)
        .post("/slack/commands")
        .then()
        .statusCode(401);

    assertFalse(silences().contains("sig-*"), "nothing changed");
  }

  @Test
  void theSlashCommandAnswersStatusHelpSilenceAndUnsilence() {
    String daemon = Api.uniqueDaemon("cmd");
    up(daemon);
    Api.fail(daemon);
    Api.awaitState(daemon, "down");

    signed("/slack/commands", command(ALICE, "status"))
        .statusCode(200)
        .body("response_type", equalTo("ephemeral"))
        .body("text", containsString(daemon));
    signed("/slack/commands", command(ALICE, ""))
        .statusCode(200)
        .body("text", containsString("/ghost silence"));
    signed("/slack/commands", command(ALICE, "silence * 2h everything"))
        .body("text", containsString("a silence of every daemon is refused"))
        .body("text", containsString("/ghost help"));

    String answer =
        signed("/slack/commands", command(ALICE, "silence quiet-* 2h deploy of 2.4"))
            .statusCode(200)
            .extract()
            .path("text");
    assertTrue(answer.startsWith("Silenced `quiet-*` until"), answer);
    String listed = given().get("/api/v1/silences").then().statusCode(200).extract().asString();
    assertTrue(listed.contains("\"createdBy\":\"@alice\""), listed);
    assertTrue(listed.contains("deploy of 2.4"), listed);

    String id = answer.replaceAll(".*\\(id (\\d+);.*", "$1");
    signed("/slack/commands", command(ALICE, "unsilence " + id))
        .body("text", equalTo("Silence " + id + " ended."));
    assertFalse(silences().contains("quiet-*"));
  }

  @Test
  void someoneNotOnTheAllowListChangesNothing() {
    signed("/slack/commands", command("U0MALLORY", "silence mallory-* 4h because"))
        .statusCode(200)
        .body("text", containsString("Not done"));
    assertFalse(silences().contains("mallory-*"));
    signed("/slack/interactions", click("U0MALLORY", "ack", "anything")).statusCode(403);
  }

  @Test
  void acknowledgingAnAlertUpdatesItInPlaceAndIsLoggedAndSent() {
    String daemon = Api.uniqueDaemon("ack");
    up(daemon);
    Api.fail(daemon);
    LoggedRequest alert = awaitSlack("/api/chat.postMessage", daemon);
    assertTrue(alert.getBodyAsString().contains("silence_1h"), "the alert carries the buttons");

    signed("/slack/interactions", click(ALICE, "ack", daemon)).statusCode(200);

    LoggedRequest update = awaitSlack("/api/chat.update", "acknowledged");
    assertTrue(decoded(update).contains("acknowledged by @alice"), decoded(update));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                given()
                    .get("/api/v1/events?daemon=" + daemon)
                    .asString()
                    .contains("\"kind\":\"acknowledged\""));
    assertTrue(
        given().get("/").asString().contains("acknowledged by @alice"), "the page shows the ack");
    LoggedRequest signedWebhook = awaitSlack(SlackWireMock.SIGNED_PATH, "acknowledged");
    assertTrue(signedWebhook.getBodyAsString().contains("\"type\":\"acknowledged\""));
    assertTrue(signedWebhook.getBodyAsString().contains("@alice"));
  }

  @Test
  void aSilenceFromSlackKeepsTheNextChangeOutOfSlackButInTheLog() {
    String daemon = Api.uniqueDaemon("hush");
    up(daemon);

    signed("/slack/interactions", click(ALICE, "silence_1h", daemon)).statusCode(200);
    assertTrue(silences().contains("\"createdBy\":\"@alice\""));
    Api.fail(daemon);
    Api.awaitState(daemon, "down");

    for (String state : List.of("pending", "sent", "failed")) {
      String outbox =
          Api.as(Api.ADMIN).get("/api/v1/deliveries?state=" + state + "&limit=500").asString();
      assertFalse(
          outbox.contains("\"type\":\"down\",\"daemon\":\"" + daemon + "\""),
          "the down was queued: " + outbox);
    }
    String events = given().get("/api/v1/events?daemon=" + daemon).asString();
    assertTrue(events.contains("\"kind\":\"silenced\""), events);
    assertTrue(events.contains("\"kind\":\"down\""), events);
  }

  @Test
  void theSigningSecretIsShownNowhere() throws Exception {
    signed("/slack/commands", command(ALICE, "status")).statusCode(200);
    StringBuilder seen = new StringBuilder();
    for (String path :
        List.of("/ghost/status.json", "/api/v1/status", "/q/openapi", "/q/metrics")) {
      seen.append(given().get(path).asString());
    }
    seen.append(java.nio.file.Files.readString(Api.dataDir().resolve("gateway.log")));
    assertFalse(seen.toString().contains(SECRET), "the signing secret leaked");
  }

  @Test
  void anUnknownActionIsRefusedAndChangesNothing() {
    signed("/slack/interactions", click(ALICE, "reboot_everything", "ghost-bridge"))
        .statusCode(400)
        .body("detail", containsString("unknown action"));
  }

  private static void up(String daemon) {
    Api.heartbeat(daemon, "{}");
    Api.awaitState(daemon, "up");
  }

  private static String silences() {
    return given().get("/api/v1/silences").then().statusCode(200).extract().asString();
  }

  private static LoggedRequest awaitSlack(String path, String text) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                SlackWireMock.server().findAll(postRequestedFor(urlEqualTo(path))).stream()
                    .filter(request -> decoded(request).contains(text))
                    .findFirst()
                    .orElse(null),
            found -> found != null);
  }

  private static String decoded(LoggedRequest request) {
    return java.net.URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
  }

  static String command(String user, String text) {
    return "command=%2Fghost&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&user_id="
        + user
        + "&user_name="
        + (user.equals(ALICE) ? "alice" : "someone")
        + "&channel_id=C0E2E";
  }

  static String click(String user, String actionId, String daemon) {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + user
            + "\",\"username\":\"alice\"},\"channel\":{\"id\":\"C0E2E\"},"
            + "\"actions\":[{\"action_id\":\""
            + actionId
            + "\",\"value\":\""
            + daemon
            + "\"}]}";
    return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
  }

  private static ValidatableResponse signed(String path, String body) {
    long now = Instant.now().getEpochSecond();
    return post(path, body, now, sign(SECRET, now, body));
  }

  private static ValidatableResponse post(String path, String body, long ts, String signature) {
    return given()
        .contentType(ContentType.URLENC)
        .header("X-Slack-Request-Timestamp", Long.toString(ts))
        .header("X-Slack-Signature", signature)
        .body(body)
        .post(path)
        .then();
  }

  /** As Slack signs: v0= and the hex HMAC-SHA256 of "v0:timestamp:body". */
  static String sign(String secret, long ts, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0="
          + HexFormat.of()
              .formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
