package dev.ghost.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ghost.gateway.testsupport.Api;
import dev.ghost.gateway.testsupport.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No token configured and reads private: the generated admin token is the only way in. */
@QuarkusTest
@TestProfile(PrivateReadsTest.NoTokensPrivateReads.class)
class PrivateReadsTest {

  @TestHTTPResource("/")
  URI base;

  public static class NoTokensPrivateReads implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gateway.auth.public-read", "false",
          "gateway.auth.tokens", "",
          "gateway.data-dir",
              System.getProperty("gateway.data-dir", "target/test-data") + "-private");
    }
  }

  @Test
  void theFirstStartWritesAnAdminTokenOnlyItsOwnerCanRead() throws Exception {
    Path file = Api.dataDir().resolve("admin.token");

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String token = Files.readString(file).strip();
    assertFalse(token.length() < 32);
    String log = Files.readString(Api.dataDir().resolve("gateway.log"));
    assertFalse(log.contains(token), "the admin token was logged");
  }

  @Test
  void readsNeedATokenAndTheAdminTokenGrantsThem() throws Exception {
    String token = Files.readString(Api.dataDir().resolve("admin.token")).strip();

    given()
        .get("/ghost/status.json")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Bearer"))
        .body("detail", org.hamcrest.Matchers.containsString("Authorization: Bearer"));
    given().get("/api/v1/events").then().statusCode(401);
    Api.as(token).get("/ghost/status.json").then().statusCode(200);
    Api.as(token).get("/api/v1/events").then().statusCode(200);
    Api.as(Api.READ).get("/ghost/status.json").then().statusCode(401);
    for (String read :
        List.of(
            "/api/v1/status",
            "/api/v1/daemons/anyone",
            "/api/v1/events/stream",
            "/",
            "/badge.svg",
            "/badge/anyone.svg")) {
      given().get(read).then().statusCode(401).contentType("application/problem+json");
    }
    Api.as(token).get("/").then().statusCode(200).contentType("text/html");
    Api.as(token).get("/badge.svg").then().statusCode(200).contentType("image/svg+xml");
    given()
        .contentType("application/json")
        .body("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}")
        .post("/mcp")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Bearer"));
  }

  @Test
  void mcpNeedsAReadTokenAndWorksWithOne() throws Exception {
    String token = Files.readString(Api.dataDir().resolve("admin.token")).strip();

    McpSyncClient anonymous = McpClients.connect(base, null);
    assertThrows(RuntimeException.class, anonymous::initialize);
    anonymous.close();

    McpSyncClient authorized = McpClients.connect(base, token);
    authorized.initialize();
    assertEquals(6, authorized.listTools().tools().size());
    authorized.closeGracefully();
  }
}
