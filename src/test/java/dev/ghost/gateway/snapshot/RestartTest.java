package dev.ghost.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.source.RegistryFileSource;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.StoredEvent;
import dev.ghost.gateway.testsupport.Engines;
import dev.ghost.gateway.testsupport.SqliteStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two gateways, one after the other, on one data directory and one SQLite file. */
class RestartTest {

  @TempDir Path dataDir;
  private final List<StoredEvent> announced = new ArrayList<>();

  @Test
  void aRestartReportsWhatChangedWhileDownOnceAndNothingElse() throws Exception {
    writeRegistry("a", true, "b", true, "c", true);
    SnapshotEngine first = start();
    TickResult appeared = first.take();
    assertEquals(List.of("a:appeared", "b:appeared", "c:appeared"), kinds(appeared.events()));
    assertEquals(List.of(), first.take().events());
    long lastSequence = first.take().snapshot().sequence();

    // While the gateway is stopped, b dies and c leaves the registry.
    writeRegistry("a", true, "b", false);
    SnapshotEngine second = start();
    TickResult afterRestart = second.take();

    assertEquals(List.of("b:down", "c:removed"), kinds(afterRestart.events()));
    assertTrue(afterRestart.snapshot().sequence() > lastSequence);
    assertEquals(List.of(), second.take().events());
    assertEquals(
        5,
        new EventLog(SqliteStores.migrated(dataDir.resolve("gateway.db")))
            .page(0, 500, null)
            .size());
  }

  @Test
  void anUnchangedRestartYieldsNoTransition() throws Exception {
    writeRegistry("a", true, "b", false);
    TickResult beforeRestart = start().take();

    TickResult afterRestart = start().take();

    assertEquals(List.of(), afterRestart.events());
    beforeRestart
        .snapshot()
        .daemons()
        .forEach(
            (name, status) ->
                assertEquals(status.since(), afterRestart.snapshot().daemons().get(name).since()));
  }

  private SnapshotEngine start() throws SQLException {
    DataSource store = SqliteStores.migrated(dataDir.resolve("gateway.db"));
    RegistryFileSource registry =
        new RegistryFileSource(
            dataDir.resolve("registry.json"), Duration.ofSeconds(60), () -> pid -> true, () -> {});
    SnapshotEngine engine =
        Engines.create(
            Clock.systemUTC(), dataDir, store, List.of(registry), List.of(), announced::addAll);
    engine.resume();
    return engine;
  }

  private void writeRegistry(Object... nameAlive) throws IOException {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < nameAlive.length; i += 2) {
      json.append(i == 0 ? "" : ",")
          .append('"')
          .append(nameAlive[i])
          .append("\":{\"alive\":")
          .append(nameAlive[i + 1])
          .append(",\"timestamp\":\"")
          .append(Instant.now())
          .append("\"}");
    }
    Files.writeString(dataDir.resolve("registry.json"), json.append('}'));
  }

  private static List<String> kinds(List<StoredEvent> events) {
    return events.stream()
        .map(e -> e.transition().daemon() + ":" + e.transition().kind().wire())
        .toList();
  }
}
