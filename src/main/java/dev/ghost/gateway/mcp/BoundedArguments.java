package dev.ghost.gateway.mcp;

import io.quarkiverse.mcp.server.GlobalInputSchemaGenerator;
import io.quarkiverse.mcp.server.InputSchemaGenerator;
import io.quarkiverse.mcp.server.ToolManager;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The tools' input schemas as generated, plus what an agent needs to call right the first time:
 * bounds, patterns and lengths, by argument name. The tools check every value again; this only
 * tells the agent before it calls.
 */
@Singleton
public class BoundedArguments implements InputSchemaGenerator<JsonObject> {

  static final String DAEMON_NAME = "^[A-Za-z0-9._-]{1,64}$";

  private static final Map<String, JsonObject> BOUNDS =
      Map.of(
          "name", new JsonObject().put("pattern", DAEMON_NAME),
          "daemon", new JsonObject().put("pattern", DAEMON_NAME),
          "after", new JsonObject().put("type", "integer").put("minimum", 0),
          "limit", new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", 500),
          "match", new JsonObject().put("pattern", "^[A-Za-z0-9._*?-]{1,64}$"),
          "for",
              new JsonObject()
                  .put("pattern", "^(\\d{1,9}\\s*(ms|s|m|h|d)|P[0-9A-Za-z.]+)$")
                  .put("maxLength", 32),
          "reason", new JsonObject().put("minLength", 1).put("maxLength", 500));

  @Inject GlobalInputSchemaGenerator generated;

  @Override
  public JsonObject generate(ToolManager.ToolInfo tool) {
    // Through its JSON text: the generated object holds Jackson nodes that Vert.x cannot copy.
    JsonObject schema = new JsonObject(generated.generate(tool).asJson());
    JsonObject properties = schema.getJsonObject("properties");
    if (properties != null) {
      BOUNDS.forEach(
          (name, bounds) -> {
            JsonObject property = properties.getJsonObject(name);
            if (property != null) {
              property.mergeIn(bounds);
            }
          });
    }
    return schema;
  }
}
