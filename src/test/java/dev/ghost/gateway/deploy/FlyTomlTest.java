package dev.ghost.gateway.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** fly.toml read as Fly reads it, checked against the application's own config. */
@QuarkusTest
class FlyTomlTest {

  private final JsonNode fly = read();

  @Test
  void theServiceListensWhereTheApplicationDoes() throws IOException {
    JsonNode service = fly.get("http_service");
    assertEquals(
        Integer.parseInt(applicationProperty("quarkus.http.port")),
        service.get("internal_port").asInt());
    assertEquals(
        service.get("internal_port").asText(), fly.get("env").get("QUARKUS_HTTP_PORT").asText());
    assertTrue(service.get("force_https").asBoolean());
    assertEquals(
        "off", service.get("auto_stop_machines").asText(), "a stopped machine stops watching");
    assertEquals(1, service.get("min_machines_running").asInt());
  }

  @Test
  void theHealthCheckPathAnswers() {
    JsonNode check = fly.get("http_service").get("checks").get(0);
    assertEquals("GET", check.get("method").asText());
    given().get(check.get("path").asText()).then().statusCode(200);
    assertTrue(
        Duration.parse("PT" + check.get("grace_period").asText().toUpperCase()).toSeconds() >= 10);
  }

  @Test
  void theVolumeIsMountedAtTheDataDir() {
    assertEquals(
        fly.get("env").get("GATEWAY_DATA_DIR").asText(),
        fly.get("mounts").get("destination").asText());
  }

  @Test
  void thePublicUrlIsTheAppsHttpsAddressAsGptActionsNeed() {
    assertEquals(
        "https://" + fly.get("app").asText() + ".fly.dev",
        fly.get("env").get("GATEWAY_PUBLIC_URL").asText());
  }

  @Test
  void metricsAndAStopLongEnoughToDrain() {
    assertEquals("/q/metrics", fly.get("metrics").get("path").asText());
    given().get(fly.get("metrics").get("path").asText()).then().statusCode(200);
    assertEquals("SIGTERM", fly.get("kill_signal").asText());
    Duration kill = Duration.parse("PT" + fly.get("kill_timeout").asText().toUpperCase());
    assertTrue(kill.toSeconds() >= 20, "the 10 s drain and the JVM's exit need room: " + kill);
    assertTrue(Files.exists(Path.of(fly.get("build").get("dockerfile").asText())));
  }

  private static JsonNode read() {
    try {
      return new TomlMapper().readTree(Path.of("fly.toml").toFile());
    } catch (IOException e) {
      throw new IllegalStateException("fly.toml does not parse", e);
    }
  }

  /** The value the packaged application starts with (the prod profile), not the test's. */
  private static String applicationProperty(String key) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = FlyTomlTest.class.getResourceAsStream("/application.properties")) {
      properties.load(in);
    }
    return properties.getProperty(key);
  }
}
