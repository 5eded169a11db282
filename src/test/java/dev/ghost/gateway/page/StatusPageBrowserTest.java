package dev.ghost.gateway.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The status page in headless Chromium (Debian's package), driven by playwright-core from npm: both
 * installed by .ci/run. The checks live in {@code e2e/status-page.mjs}; this test runs it against
 * this gateway and fails with what it printed.
 */
@QuarkusTest
class StatusPageBrowserTest {

  @TestHTTPResource("/")
  URL base;

  @Test
  void thePageFollowsAFailAndARecoveryLiveAndShowsHostileTextAsText() throws Exception {
    Path script = Path.of("e2e/status-page.mjs");
    assertTrue(
        Files.isDirectory(Path.of("e2e/node_modules/playwright-core")),
        "run `npm ci` in e2e/ first (.ci/run does)");
    Path output = Files.createTempFile("status-page", ".log");
    Process browser =
        new ProcessBuilder(
                "node", script.toString(), base.toString().replaceAll("/$", ""), Api.WRITE)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean finished = browser.waitFor(90, TimeUnit.SECONDS);
    if (!finished) {
      browser.destroyForcibly();
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    System.out.println(printed);
    assertTrue(finished, "the browser test did not finish in 90 s:\n" + printed);
    assertEquals(0, browser.exitValue(), printed);
    assertTrue(printed.contains("ok: without a reload"), printed);
  }
}
