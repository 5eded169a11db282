package dev.ghost.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spec a ChatGPT GPT Action imports: valid, only the reads an assistant should call, every
 * schema typed and described, and within the limits GPT Actions set (operationIds, summaries of at
 * most 300 characters, parameter descriptions of at most 700, a small document).
 */
@QuarkusTest
class GptActionSpecTest {

  private String body;
  private OpenAPI spec;

  @BeforeEach
  void fetchWithoutAToken() {
    body = given().get("/api/v1/openapi.json").then().statusCode(200).extract().asString();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(body, null, options);
    assertEquals(List.of(), result.getMessages(), "the validator found problems");
    spec = result.getOpenAPI();
    assertNotNull(spec);
  }

  @Test
  void onlyTheReadsAnAssistantShouldCall() {
    List<String> ids = new ArrayList<>();
    spec.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          assertEquals("GET", method.name(), path + " is not a read");
                          ids.add(operation.getOperationId());
                        }));
    assertEquals(
        List.of("getDaemon", "getStatus", "listDown", "listEvents"),
        ids.stream().sorted().toList());
    assertEquals("https://ghost.example.test", spec.getServers().get(0).getUrl());
    assertTrue(spec.getComponents().getSecuritySchemes().containsKey("bearer"));
    assertTrue(body.length() < 40_000, "the spec is " + body.length() + " characters");
  }

  @Test
  void everyOperationIsWithinGptActionLimitsAndDocumentsItsAnswers() {
    spec.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String where = method + " " + path;
                          assertTrue(operation.getSummary().length() <= 300, where);
                          for (Parameter parameter : parameters(operation)) {
                            assertTrue(
                                parameter.getDescription().length() <= 700,
                                where + " " + parameter.getName());
                            assertNotNull(parameter.getSchema().getType(), where);
                          }
                          for (String status : List.of("200", "401", "403")) {
                            assertNotNull(operation.getResponses().get(status), where + status);
                          }
                          var ok = operation.getResponses().get("200").getContent();
                          var json = ok.get("application/json");
                          assertTrue(
                              json.getExamples() != null || json.getExample() != null,
                              where + " has no example");
                        }));
    Parameter limit =
        parameters(spec.getPaths().get("/api/v1/events").getGet()).stream()
            .filter(parameter -> parameter.getName().equals("limit"))
            .findFirst()
            .orElseThrow();
    assertEquals("integer", limit.getSchema().getType());
    assertEquals(500, limit.getSchema().getMaximum().intValue());
  }

  @Test
  void everySchemaPropertyIsTypedAndDescribed() {
    Map<String, Schema> schemas = spec.getComponents().getSchemas();
    assertTrue(
        schemas.containsKey("AgentStatus") && schemas.containsKey("EventView"),
        schemas.keySet().toString());
    schemas.forEach(
        (name, schema) -> {
          if (schema.getProperties() == null) {
            return;
          }
          assertNotNull(schema.getRequired(), name + " names no required property");
          ((Map<String, Schema>) schema.getProperties())
              .forEach(
                  (property, value) ->
                      assertNotNull(
                          value.get$ref() != null ? "ref" : value.getDescription(),
                          name + "." + property + " has no description"));
        });
    Schema<?> event = schemas.get("EventView");
    assertEquals(Boolean.TRUE, ((Schema<?>) event.getProperties().get("from")).getNullable());
    Schema<?> status = schemas.get("AgentStatus");
    assertEquals(
        List.of("operational", "degraded", "major_outage", "unknown"),
        ((Schema<?>) status.getProperties().get("indicator")).getEnum());
    assertEquals("date-time", ((Schema<?>) status.getProperties().get("updatedAt")).getFormat());
  }

  private static List<Parameter> parameters(Operation operation) {
    return operation.getParameters() == null ? List.of() : operation.getParameters();
  }
}
