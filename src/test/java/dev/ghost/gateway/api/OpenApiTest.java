package dev.ghost.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The document a ChatGPT GPT Action imports: valid, complete, and within the Action's limits. */
@QuarkusTest
class OpenApiTest {

  private OpenAPI document;

  @BeforeEach
  void parse() {
    String json =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
    assertEquals(List.of(), result.getMessages(), "the validator found problems");
    document = result.getOpenAPI();
    assertNotNull(document);
  }

  @Test
  void everyApiOperationHasAUniqueIdAShortSummaryAndDescribedParameters() {
    Set<String> ids = new HashSet<>();
    int operations = 0;
    for (var path : document.getPaths().entrySet()) {
      if (!path.getKey().startsWith("/api/v1") && !path.getKey().startsWith("/ghost")) {
        continue;
      }
      for (Map.Entry<?, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        String where = entry.getKey() + " " + path.getKey();
        operations++;
        assertNotNull(operation.getOperationId(), where + " has no operationId");
        assertTrue(
            ids.add(operation.getOperationId()), where + " repeats " + operation.getOperationId());
        assertNotNull(operation.getSummary(), where + " has no summary");
        assertTrue(operation.getSummary().length() <= 300, where + " summary is over 300");
        for (Parameter parameter :
            operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
          assertNotNull(parameter.getDescription(), where + " parameter " + parameter.getName());
          assertTrue(parameter.getDescription().length() <= 700, where + " " + parameter.getName());
        }
        assertFalse(operation.getResponses().isEmpty(), where + " documents no response");
        java.util.regex.Matcher template =
            java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path.getKey());
        while (template.find()) {
          String variable = template.group(1);
          assertTrue(
              operation.getParameters() != null
                  && operation.getParameters().stream()
                      .anyMatch(p -> "path".equals(p.getIn()) && variable.equals(p.getName())),
              where + " does not declare its path parameter " + variable);
        }
      }
    }
    assertTrue(
        ids.containsAll(
            Set.of(
                "getStatus",
                "getDaemon",
                "listEvents",
                "sendHeartbeat",
                "sendFail",
                "getStatusDocument",
                "streamEvents",
                "createSilence",
                "listSilences",
                "deleteSilence",
                "listDeliveries",
                "retryDelivery",
                "listDown")),
        ids.toString());
    assertEquals(13, operations);
  }

  @Test
  void responsesHaveSchemasAndExamples() {
    var ok = document.getPaths().get("/api/v1/status").getGet().getResponses().get("200");
    var json = ok.getContent().get("application/json");
    assertNotNull(json.getSchema());
    assertFalse(json.getExamples() == null && json.getExample() == null, "no example");
  }

  @Test
  void everySecuredOperationDocumentsTheRefusalsAndHasATag() {
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (!path.startsWith("/api/v1") && !path.startsWith("/ghost")) {
                            return;
                          }
                          String where = method + " " + path;
                          assertNotNull(operation.getResponses().get("401"), where);
                          assertNotNull(operation.getResponses().get("403"), where);
                          assertNotNull(operation.getTags(), where + " has no tag");
                        }));
    assertEquals("Apache-2.0", document.getInfo().getLicense().getName());
  }

  @Test
  void bearerAuthAndThePublicServerAreDeclared() {
    SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
    assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
    assertEquals("bearer", bearer.getScheme());
    assertEquals("https://ghost.example.test", document.getServers().get(0).getUrl());
  }
}
