package dev.ghost.gateway.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryFileSourceTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final String GOOD =
      "{\"ghost-bridge\": {\"alive\": true, \"timestamp\": \"2026-01-01T11:59:50Z\"},"
          + " \"patch-executor\": {\"alive\": false, \"timestamp\": \"2026-01-01T11:59:50Z\"}}";

  @TempDir Path dir;
  private final AtomicInteger signals = new AtomicInteger();

  private RegistryFileSource source(Path file) {
    return new RegistryFileSource(
        file, Duration.ofSeconds(60), () -> pid -> true, signals::incrementAndGet);
  }

  @Test
  void readsTheMapForm() throws IOException {
    Path file = write("registry.json", GOOD);

    List<Observation> observations = source(file).observe(NOW);

    assertEquals(2, observations.size());
    assertEquals(DaemonState.UP, stateOf(observations, "ghost-bridge"));
    assertEquals(DaemonState.DOWN, stateOf(observations, "patch-executor"));
  }

  @Test
  void readsTheWrappedFormAndLocalTimesAsUtc() throws IOException {
    Path file =
        write(
            "registry.json",
            "{\"daemons\": {\"ghost-bridge\": {\"alive\": true, \"timestamp\":"
                + " \"2026-01-01T11:59:00.123456\", \"pid\": 42}}}");

    RegistryFileSource source = source(file);
    List<Observation> observations = source.observe(NOW);

    assertEquals(1, observations.size());
    assertEquals(DaemonState.UP, observations.get(0).state());
    assertEquals(42L, observations.get(0).pid());
    assertEquals(Instant.parse("2026-01-01T11:59:00.123456Z"), observations.get(0).lastSeen());
    assertTrue(source.status().ok());
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("not JSON", "{\"ghost-bridge\": {\"alive\": tru", "not valid JSON at line 1"),
        Arguments.of("an array", "[1, 2]", "must be a JSON object"),
        Arguments.of(
            "alive missing",
            "{\"a\": {\"timestamp\": \"2026-01-01T00:00:00Z\"}}",
            "\"alive\" must be true or false"),
        Arguments.of(
            "bad timestamp",
            "{\"a\": {\"alive\": true, \"timestamp\": \"yesterday\"}}",
            "\"timestamp\" must be ISO-8601"),
        Arguments.of(
            "bad pid",
            "{\"a\": {\"alive\": true, \"timestamp\": 1, \"pid\": -3}}",
            "\"pid\" must be a positive integer"),
        Arguments.of("bad name", "{\"no spaces allowed\": {\"alive\": true}}", "name must match"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileKeepsTheLastGoodStatesAndSaysWhatIsWrong(String name, String content, String error)
      throws IOException {
    Path file = write("registry.json", GOOD);
    RegistryFileSource source = source(file);
    source.observe(NOW);

    replace(file, content);
    List<Observation> kept = source.observe(NOW);

    assertEquals(2, kept.size());
    assertEquals(DaemonState.UP, stateOf(kept, "ghost-bridge"));
    assertFalse(source.status().ok());
    assertTrue(source.status().error().contains(error), source.status().error());

    replace(file, "{\"ghost-bridge\": {\"alive\": true, \"timestamp\": \"2026-01-01T11:59:59Z\"}}");
    List<Observation> recovered = source.observe(NOW);

    assertEquals(1, recovered.size());
    assertTrue(source.status().ok());
    assertNull(source.status().error());
  }

  @Test
  void aMissingFileIsReportedAndItsCreationRead() throws IOException {
    Path file = dir.resolve("later.json");
    RegistryFileSource source = source(file);

    assertEquals(List.of(), source.observe(NOW));
    assertEquals("does not exist", source.status().error());

    write("later.json", GOOD);
    assertEquals(2, source.observe(NOW).size());
  }

  @Test
  void anOversizedFileIsRefusedUnread() throws IOException {
    Path file = write("registry.json", GOOD);
    RegistryFileSource source = source(file);
    source.observe(NOW);

    byte[] huge = new byte[(int) RegistryFileSource.MAX_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    Files.write(file, huge);

    assertEquals(2, source.observe(NOW).size());
    assertTrue(source.status().error().contains("more than the limit"), source.status().error());
  }

  @Test
  void keptEntriesKeepAgeingSoALongBrokenRegistryTurnsDown() throws IOException {
    Path file = write("registry.json", GOOD);
    RegistryFileSource source = source(file);
    source.observe(NOW);
    replace(file, "garbage");

    List<Observation> later = source.observe(NOW.plusSeconds(120));

    assertEquals(DaemonState.DOWN, stateOf(later, "ghost-bridge"));
  }

  @Test
  void aPidIsUpWhileItsProcessRunsAndDownOnceItIsKilled() throws Exception {
    Process child = new ProcessBuilder("sleep", "60").start();
    try {
      Path file =
          write(
              "registry.json",
              "{\"worker\": {\"alive\": true, \"timestamp\": \""
                  + Instant.now()
                  + "\", \"pid\": "
                  + child.pid()
                  + "}}");
      RegistryFileSource source =
          new RegistryFileSource(
              file, Duration.ofSeconds(60), RegistryFileSource::runningProcesses, () -> {});

      assertEquals(DaemonState.UP, stateOf(source.observe(Instant.now()), "worker"));

      child.destroyForcibly().waitFor();
      Observation killed = source.observe(Instant.now()).get(0);
      assertEquals(DaemonState.DOWN, killed.state());
      assertEquals("pid " + child.pid() + " is not running", killed.reason());
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aChangeToTheFileSignalsWithinOneSecond() throws IOException {
    Path file = write("registry.json", GOOD);
    try (RegistryFileSource source = source(file)) {
      source.startWatching();
      int before = signals.get();

      replace(
          file, "{\"ghost-bridge\": {\"alive\": false, \"timestamp\": \"2026-01-01T11:59:59Z\"}}");

      await().atMost(Duration.ofSeconds(1)).until(() -> signals.get() > before);
      assertEquals(DaemonState.DOWN, stateOf(source.observe(NOW), "ghost-bridge"));
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  /** Replaces the file the way orchestrators should: a new file renamed over the old. */
  private void replace(Path file, String content) throws IOException {
    Path temp = Files.writeString(dir.resolve("next.tmp"), content);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static DaemonState stateOf(List<Observation> observations, String name) {
    return observations.stream()
        .filter(o -> o.name().value().equals(name))
        .findFirst()
        .orElseThrow()
        .state();
  }
}
