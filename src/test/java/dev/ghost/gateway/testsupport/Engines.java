package dev.ghost.gateway.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.domain.DeclaredDaemon;
import dev.ghost.gateway.snapshot.SnapshotEngine;
import dev.ghost.gateway.snapshot.SourceReports;
import dev.ghost.gateway.snapshot.StatusFileWriter;
import dev.ghost.gateway.snapshot.StatusPublisher;
import dev.ghost.gateway.source.DaemonSource;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.StoredEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Builds a real {@link SnapshotEngine} over a data directory, the way the gateway does. */
public final class Engines {

  private Engines() {}

  public static SnapshotEngine create(
      Clock clock,
      Path dataDir,
      EventLog eventLog,
      List<DaemonSource> sources,
      List<DeclaredDaemon> declared,
      Consumer<List<StoredEvent>> announcer) {
    return new SnapshotEngine(
        clock,
        new SnapshotEngine.Settings(Duration.ofSeconds(15), "test-host", dataDir, 20),
        sources,
        declared,
        eventLog,
        new StatusPublisher(),
        new StatusFileWriter(dataDir.resolve("status.json")),
        () -> SourceReports.NONE,
        announcer,
        new ObjectMapper());
  }
}
