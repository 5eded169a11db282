package dev.ghost.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/openapi.json}: the API as a ChatGPT GPT Action should import it. Only the
 * reads an assistant should call (no writes, no admin, no endless stream, no 1.7 MB status
 * document), with the components they use and nothing else, and this gateway's public URL as the
 * one server. Cut from the full document, so the two never disagree.
 */
@Path("/api/v1/openapi.json")
public class GptActionSpec {

  /** The operations an assistant calls, in the order it should consider them. */
  static final List<String> OPERATIONS =
      List.of("getStatus", "listDown", "getDaemon", "listEvents");

  @Inject ApiDocument document;
  @Inject ObjectMapper json;

  private volatile byte[] cut;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public byte[] spec() {
    byte[] body = cut;
    if (body == null) {
      body = cut(document.json());
      cut = body;
    }
    return body;
  }

  private byte[] cut(byte[] full) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(cut(json.readTree(full)));
    } catch (IOException e) {
      throw new UncheckedIOException("the OpenAPI document could not be read", e);
    }
  }

  ObjectNode cut(JsonNode full) {
    ObjectNode spec = json.createObjectNode();
    spec.set("openapi", full.get("openapi"));
    spec.set("info", full.get("info"));
    spec.set("servers", full.get("servers"));
    spec.set("security", full.get("security"));
    ObjectNode paths = spec.putObject("paths");
    Deque<String> refs = new ArrayDeque<>();
    for (String operationId : OPERATIONS) {
      full.get("paths")
          .fields()
          .forEachRemaining(
              path ->
                  path.getValue()
                      .fields()
                      .forEachRemaining(
                          method -> {
                            if (operationId.equals(
                                method.getValue().path("operationId").asText())) {
                              child(paths, path.getKey()).set(method.getKey(), method.getValue());
                              collectRefs(method.getValue(), refs);
                            }
                          }));
    }
    spec.set("components", components(full.get("components"), refs));
    return spec;
  }

  /** The components the kept operations use, and those they use in turn; no others. */
  private ObjectNode components(JsonNode all, Deque<String> refs) {
    ObjectNode kept = json.createObjectNode();
    Set<String> seen = new LinkedHashSet<>();
    while (!refs.isEmpty()) {
      String ref = refs.pop();
      if (!seen.add(ref)) {
        continue;
      }
      // "#/components/schemas/AgentStatus" -> section "schemas", name "AgentStatus"
      String[] parts = ref.substring("#/components/".length()).split("/", 2);
      JsonNode component = all.path(parts[0]).path(parts[1]);
      if (!component.isMissingNode()) {
        child(kept, parts[0]).set(parts[1], component);
        collectRefs(component, refs);
      }
    }
    kept.set("securitySchemes", all.get("securitySchemes"));
    return kept;
  }

  /** The object under {@code key}, made when missing ({@code with} would read a key as a path). */
  private static ObjectNode child(ObjectNode parent, String key) {
    JsonNode existing = parent.get(key);
    return existing instanceof ObjectNode object ? object : parent.putObject(key);
  }

  private static void collectRefs(JsonNode node, Deque<String> refs) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          refs.push(field.getValue().asText());
        } else {
          collectRefs(field.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectRefs(element, refs));
    }
  }
}
