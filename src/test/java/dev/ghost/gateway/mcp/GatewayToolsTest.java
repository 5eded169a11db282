package dev.ghost.gateway.mcp;

import static dev.ghost.gateway.testsupport.Api.awaitState;
import static dev.ghost.gateway.testsupport.Api.fail;
import static dev.ghost.gateway.testsupport.Api.heartbeat;
import static dev.ghost.gateway.testsupport.Api.uniqueDaemon;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.testsupport.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MCP server, driven by the reference Java MCP client over Streamable HTTP. */
@QuarkusTest
class GatewayToolsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI base;

  private McpSyncClient client;
  private String daemon;

  @BeforeEach
  void connect() {
    daemon = uniqueDaemon("mcp");
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");
    fail(daemon);
    awaitState(daemon, "down");
    client = McpClients.connect(base, null);
    client.initialize();
  }

  @AfterEach
  void close() {
    client.closeGracefully();
  }

  @Test
  void listsTheFourReadOnlyTools() {
    Set<String> names =
        client.listTools().tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
    assertEquals(Set.of("get_status", "get_daemon", "list_events", "list_down"), names);
  }

  @Test
  void getStatusAnswersAsTheRestApiDoesWithAnUntrustedNote() throws Exception {
    McpSchema.CallToolResult result = call("get_status", Map.of());

    JsonNode structured = structured(result);
    JsonNode rest = JSON.readTree(given().get("/api/v1/status").asString());
    assertEquals(rest.get("counts"), structured.get("counts"));
    assertTrue(
        structured.get("summary").asText().contains(daemon) || structured.get("down").size() > 0);
    assertTrue(text(result).startsWith(GatewayTools.UNTRUSTED));
  }

  @Test
  void getDaemonAndListDownAndListEvents() throws Exception {
    JsonNode detail = structured(call("get_daemon", Map.of("name", daemon)));
    assertEquals("down", detail.get("state").asText());
    assertEquals(2, detail.get("transitions").size());

    JsonNode down = structured(call("list_down", Map.of()));
    boolean listed = false;
    for (JsonNode entry : down.get("down")) {
      listed |= entry.get("name").asText().equals(daemon);
    }
    assertTrue(listed);

    JsonNode events = structured(call("list_events", Map.of("daemon", daemon, "limit", 1)));
    assertEquals(1, events.get("events").size());
    assertEquals("appeared", events.get("events").get(0).get("kind").asText());
  }

  @Test
  void badArgumentsAreToolErrorsThatSayWhatToFix() {
    McpSchema.CallToolResult unknown = call("get_daemon", Map.of("name", "nobody-here"));
    McpSchema.CallToolResult badName = call("get_daemon", Map.of("name", "not a name"));
    McpSchema.CallToolResult badLimit = call("list_events", Map.of("limit", 9999));

    assertTrue(unknown.isError());
    assertTrue(text(unknown).contains("no daemon named \"nobody-here\""), text(unknown));
    assertTrue(badName.isError());
    assertTrue(text(badName).contains("daemon name"), text(badName));
    assertTrue(badLimit.isError());
    assertTrue(
        text(badLimit).contains("\"limit\" must be a whole number from 1 to 500"), text(badLimit));
  }

  private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  private static JsonNode structured(McpSchema.CallToolResult result) {
    assertFalse(Boolean.TRUE.equals(result.isError()), text(result));
    return JSON.valueToTree(result.structuredContent());
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }
}
