package dev.ghost.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The orchestrator's registry file, end to end: file on disk to status document. */
@QuarkusTest
class RegistryFileTest {

  @Test
  void aRegistryChangeShowsAtOnceAndAMalformedFileKeepsTheLastGoodStates() throws Exception {
    String daemon = Api.uniqueDaemon("registered");
    write("{\"" + daemon + "\": {\"alive\": true, \"timestamp\": \"" + Instant.now() + "\"}}");
    Api.awaitState(daemon, "up");

    write("{\"" + daemon + "\": {\"alive\": false, \"timestamp\": \"" + Instant.now() + "\"}}");
    Api.awaitState(daemon, "down");

    write("{\"" + daemon + "\": {\"alive\": tr");
    Awaitility.await()
        .atMost(Duration.ofSeconds(3))
        .until(() -> !Api.status().getBoolean("registry.ok"));
    JsonPath broken = Api.status();
    assertTrue(broken.getString("registry.error").contains("not valid JSON"));
    assertEquals("down", broken.getString("daemons.'" + daemon + "'.state"));

    write("{\"" + daemon + "\": {\"alive\": true, \"timestamp\": \"" + Instant.now() + "\"}}");
    Api.awaitState(daemon, "up");
    assertTrue(Api.status().getBoolean("registry.ok"));
    assertFalse(Api.status().getString("registry.path").isEmpty());
  }

  private static void write(String content) throws Exception {
    Path registry = Api.dataDir().resolve("registry.json");
    Path temp = Files.writeString(Api.dataDir().resolve("registry.json.tmp"), content);
    Files.move(temp, registry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
