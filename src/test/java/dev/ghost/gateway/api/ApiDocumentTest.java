package dev.ghost.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kept OpenAPI document (src/main/resources/openapi) is the one the code makes: Quarkus's
 * OpenAPI extension, a test dependency only, generates it here from the annotations at {@code
 * /q/openapi-generated}. When the API changes this fails and says how to keep the new document.
 */
@QuarkusTest
class ApiDocumentTest {

  private static final Path RESOURCES = Path.of("src/main/resources");

  /** {@code -Dopenapi.keep=true} writes the generated document over the kept one. */
  private static final boolean KEEP = Boolean.getBoolean("openapi.keep");

  private static final String PUBLIC_URL = "https://ghost.example.test";

  private final ObjectMapper json = new ObjectMapper();
  private final YAMLMapper yaml = new YAMLMapper();

  @Test
  void theKeptJsonIsTheDocumentTheCodeMakes() throws IOException {
    compare(ApiDocument.JSON_RESOURCE, "json");
  }

  @Test
  void theKeptYamlIsTheDocumentTheCodeMakes() throws IOException {
    compare(ApiDocument.YAML_RESOURCE, "yaml");
  }

  @Test
  void servedInBothFormsWithThisGatewaysPublicUrlAsItsOneServer() throws IOException {
    ObjectNode expected =
        (ObjectNode) json.readTree(RESOURCES.resolve(ApiDocument.JSON_RESOURCE).toFile());
    expected
        .putArray("servers")
        .addObject()
        .put("url", PUBLIC_URL)
        .put("description", "this gateway");

    assertEquals(expected, json.readTree(served("/q/openapi?format=json", "application/json")));
    assertEquals(expected, yaml.readTree(served("/q/openapi", "application/yaml")));
    assertEquals(expected, json.readTree(served("/q/openapi.json", "application/json")));
    assertEquals(expected, yaml.readTree(served("/q/openapi.yaml", "application/yaml")));
    assertEquals(
        expected,
        json.readTree(
            given()
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asByteArray()));
  }

  @Test
  void aPublicUrlCannotBreakOutOfItsPlaceInTheYaml() throws IOException {
    ApiDocument document = new ApiDocument();
    document.json = json;
    document.publicUrl = "https://x.test/a\"b: c\n- url: https://evil.test";

    JsonNode servers = yaml.readTree(document.yaml()).get("servers");

    assertEquals(1, servers.size());
    assertEquals(document.publicUrl, servers.get(0).get("url").asText());
    assertEquals(document.publicUrl, json.readTree(document.json()).at("/servers/0/url").asText());
  }

  @Test
  void thePathThenTheFormatParameterThenTheAcceptHeaderChooseTheForm() {
    assertTrue(ApiDocumentRoute.wantsJson("/q/openapi.json", "yaml", null));
    assertFalse(ApiDocumentRoute.wantsJson("/q/openapi.yml", "json", "application/json"));
    assertTrue(ApiDocumentRoute.wantsJson("/q/openapi", "JSON", null));
    assertFalse(ApiDocumentRoute.wantsJson("/q/openapi", "yaml", "application/json"));
    assertTrue(ApiDocumentRoute.wantsJson("/q/openapi", null, "text/html, application/json"));
    assertFalse(ApiDocumentRoute.wantsJson("/q/openapi", null, "*/*"));
    assertFalse(ApiDocumentRoute.wantsJson("/q/openapi", null, null));
  }

  private static byte[] served(String path, String contentType) {
    return given()
        .get(path)
        .then()
        .statusCode(200)
        .contentType(contentType)
        .extract()
        .asByteArray();
  }

  /** Text for text, so a kept document is what a reader of the repository sees served. */
  private void compare(String resource, String format) throws IOException {
    byte[] generated =
        given()
            .queryParam("format", format)
            .get("/q/openapi-generated")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    Path kept = RESOURCES.resolve(resource);
    if (KEEP) {
      Files.write(kept, generated);
    }
    List<String> keptLines = Files.readAllLines(kept, StandardCharsets.UTF_8);
    List<String> generatedLines = new String(generated, StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < Math.max(keptLines.size(), generatedLines.size()); i++) {
      String was = i < keptLines.size() ? keptLines.get(i) : "(end)";
      String now = i < generatedLines.size() ? generatedLines.get(i) : "(end)";
      if (!was.equals(now)) {
        Path written = Path.of("target", resource);
        Files.createDirectories(written.getParent());
        Files.write(written, generated);
        fail(
            "the API changed: "
                + kept
                + " differs from the document the code makes from line "
                + (i + 1)
                + " (kept: "
                + was.strip()
                + ", made: "
                + now.strip()
                + "). The new document is in "
                + written
                + "; if the change is meant, keep it with"
                + " ./mvnw test -Dtest=ApiDocumentTest -Dopenapi.keep=true and commit it.");
      }
    }
  }
}
