package dev.ghost.gateway.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The server-rendered page and the badges, as a client without JavaScript gets them. */
@QuarkusTest
class StatusPageTest {

  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @Test
  void thePageListsEveryDaemonWithItsStateInWordsAndEscapesWhatDaemonsSay() {
    String daemon = Api.uniqueDaemon("page");
    Api.heartbeat(daemon, "{}");
    Api.as(Api.WRITE)
        .contentType(ContentType.JSON)
        .body("{\"message\": \"" + HOSTILE + "\"}")
        .post("/api/v1/daemons/{name}/fail", daemon)
        .then()
        .statusCode(202);
    Api.awaitState(daemon, "down");

    String html =
        given()
            .accept("text/html")
            .get("/")
            .then()
            .statusCode(200)
            .contentType("text/html")
            .body(containsString("<h1>"), containsString("<h2 id=\"daemons-heading\">Daemons</h2>"))
            .extract()
            .asString();

    int row = html.indexOf("data-daemon=\"" + daemon + "\"");
    assertTrue(row > 0, "a row for " + daemon);
    String rowHtml = html.substring(row, html.indexOf("</tr>", row));
    assertTrue(rowHtml.contains("<span class=\"badge state-down\">down</span>"), rowHtml);
    assertTrue(rowHtml.contains("fail signal: &lt;img src=x onerror=alert(1)&gt;"), rowHtml);
    assertFalse(html.contains(HOSTILE), "markup from a daemon reached the page");
    assertTrue(rowHtml.contains("class=\"slot slot-down\""), "the strip shows the down hour");
  }

  @Test
  void badgesSayTheStateAndStayFresh() {
    String daemon = Api.uniqueDaemon("badge");
    Api.heartbeat(daemon, "{}");
    Api.awaitState(daemon, "up");

    given()
        .get("/badge/{name}.svg", daemon)
        .then()
        .statusCode(200)
        .contentType("image/svg+xml")
        .header("Cache-Control", containsString("max-age=10"))
        .body(containsString(">up</text>"), containsString("#4c1"));
    given()
        .get("/badge/{name}.svg", "no-such-daemon")
        .then()
        .statusCode(404)
        .contentType("image/svg+xml")
        .body(containsString(">not found</text>"));
    given().get("/badge.svg").then().statusCode(200).body(containsString(">daemons</text>"));
  }

  @Test
  void theScriptAndStylesAreServedWithoutAToken() {
    given()
        .get("/status.js")
        .then()
        .statusCode(200)
        .body(containsString("EventSource"), not(containsString("innerHTML")));
    given().get("/status.css").then().statusCode(200).body(containsString("@media"));
  }
}
