package dev.ghost.gateway.mcp;

import static dev.ghost.gateway.testsupport.Api.awaitState;
import static dev.ghost.gateway.testsupport.Api.fail;
import static dev.ghost.gateway.testsupport.Api.heartbeat;
import static dev.ghost.gateway.testsupport.Api.uniqueDaemon;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.testsupport.Api;
import dev.ghost.gateway.testsupport.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
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
  void listsTheToolsWithAnnotationsOutputSchemasAndBounds() {
    Map<String, McpSchema.Tool> tools =
        client.listTools().tools().stream()
            .collect(Collectors.toMap(McpSchema.Tool::name, tool -> tool));
    assertEquals(
        Set.of("get_status", "get_daemon", "list_events", "list_down", "list_silences", "silence"),
        tools.keySet());
    for (String read : List.of("get_status", "get_daemon", "list_events", "list_down")) {
      McpSchema.Tool tool = tools.get(read);
      assertEquals(Boolean.TRUE, tool.annotations().readOnlyHint(), read);
      assertEquals(Boolean.FALSE, tool.annotations().openWorldHint(), read);
      assertNotNull(tool.outputSchema(), read + " has no output schema");
    }
    assertEquals(Boolean.FALSE, tools.get("silence").annotations().readOnlyHint());
    JsonNode events = JSON.valueToTree(tools.get("list_events").inputSchema());
    assertEquals(1, events.at("/properties/limit/minimum").asInt(), events.toString());
    assertEquals(500, events.at("/properties/limit/maximum").asInt());
    assertEquals("integer", events.at("/properties/limit/type").asText());
    assertEquals(0, events.at("/properties/after/minimum").asInt());
    JsonNode daemon = JSON.valueToTree(tools.get("get_daemon").inputSchema());
    assertEquals("^[A-Za-z0-9._-]{1,64}$", daemon.at("/properties/name/pattern").asText());
    JsonNode status = JSON.valueToTree(tools.get("get_status").outputSchema());
    assertTrue(status.at("/properties").has("indicator"), status.toString());
  }

  @Test
  void theServerTellsAnAgentWhereToStart() {
    McpSyncClient fresh = McpClients.connect(base, null);
    try {
      McpSchema.InitializeResult init = fresh.initialize();
      assertTrue(init.instructions().contains("get_status"), init.instructions());
      assertTrue(init.instructions().contains("stale"), init.instructions());
      assertTrue(init.instructions().contains("untrusted"), init.instructions());
    } finally {
      fresh.closeGracefully();
    }
  }

  @Test
  void aSilenceNeedsAnAdminTokenAndIsListed() throws Exception {
    String match = uniqueDaemon("quiet") + "-*";
    Map<String, Object> arguments = Map.of("match", match, "for", "1h", "reason", "deploy");
    McpSchema.CallToolResult refused = call("silence", arguments);
    assertTrue(refused.isError());
    assertTrue(text(refused).contains("admin token"), text(refused));

    McpSyncClient operator = McpClients.connect(base, Api.ADMIN);
    try {
      operator.initialize();
      JsonNode silence =
          structured(operator.callTool(new McpSchema.CallToolRequest("silence", arguments)));
      assertEquals(match, silence.get("match").asText());
      McpSchema.CallToolResult everything =
          operator.callTool(
              new McpSchema.CallToolRequest(
                  "silence", Map.of("match", "*", "for", "1h", "reason", "all")));
      assertTrue(text(everything).contains("a silence of every daemon is refused"));
    } finally {
      operator.closeGracefully();
    }
    boolean listed = false;
    for (JsonNode entry : structured(call("list_silences", Map.of())).get("silences")) {
      listed |= entry.get("match").asText().equals(match);
    }
    assertTrue(listed, "the silence is listed");
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
    McpSchema.CallToolResult wrongType = call("list_events", Map.of("limit", "abc"));

    assertTrue(unknown.isError());
    assertTrue(text(unknown).contains("no daemon named \"nobody-here\""), text(unknown));
    assertTrue(text(unknown).contains("call get_status"), text(unknown));
    assertTrue(wrongType.isError());
    assertTrue(
        text(wrongType).contains("\"limit\" must be a whole number from 1 to 500"),
        text(wrongType));
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
