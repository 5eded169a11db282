package dev.ghost.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's OpenAPI document as this gateway serves it: the document the code's annotations make,
 * kept in {@code openapi/} on the class path, with this gateway's public URL as its one server.
 *
 * <p>Why a kept document rather than Quarkus's OpenAPI extension at run time: that extension parses
 * its build-time document and writes it out as JSON and YAML at every start, 100-200 ms of a
 * one-second start. The test suite runs the extension instead (ApiDocumentTest) and fails when the
 * code's document and the kept one differ, so they cannot drift apart.
 */
@Singleton
public class ApiDocument {

  /** Where the kept document lies on the class path, without a server. */
  static final String JSON_RESOURCE = "openapi/openapi.json";

  static final String YAML_RESOURCE = "openapi/openapi.yaml";

  private static final String SERVER_DESCRIPTION = "this gateway";

  @Inject ObjectMapper json;

  @ConfigProperty(name = "gateway.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  private volatile Served served;

  /** Both forms, made at the first request rather than at start. */
  private record Served(byte[] json, byte[] yaml) {}

  public byte[] json() {
    return served().json();
  }

  public byte[] yaml() {
    return served().yaml();
  }

  private Served served() {
    Served current = served;
    if (current == null) {
      try {
        current = new Served(withServerJson(), withServerYaml());
      } catch (IOException e) {
        throw new UncheckedIOException("the kept OpenAPI document cannot be read", e);
      }
      served = current;
    }
    return current;
  }

  private byte[] withServerJson() throws IOException {
    ObjectNode document = (ObjectNode) json.readTree(resource(JSON_RESOURCE));
    document
        .putArray("servers")
        .addObject()
        .put("url", publicUrl)
        .put("description", SERVER_DESCRIPTION);
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
  }

  /**
   * The server is the YAML document's last key, as the extension wrote it; the URL is written as a
   * JSON string, which YAML reads as a double-quoted scalar, so no character of it can break out.
   */
  private byte[] withServerYaml() throws IOException {
    String server =
        "servers:\n- url: "
            + json.writeValueAsString(publicUrl)
            + "\n  description: "
            + SERVER_DESCRIPTION
            + "\n";
    return (new String(resource(YAML_RESOURCE), StandardCharsets.UTF_8) + server)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is not on the class path");
      }
      return in.readAllBytes();
    }
  }
}
