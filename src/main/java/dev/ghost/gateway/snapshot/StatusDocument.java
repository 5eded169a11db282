package dev.ghost.gateway.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ghost.gateway.domain.Counts;
import dev.ghost.gateway.domain.Health;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.source.RegistryStatus;
import dev.ghost.gateway.source.probe.ProbeReport;
import dev.ghost.gateway.store.DeliveryReport;
import dev.ghost.gateway.store.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of status.json and {@code GET /ghost/status.json}. The seed's fields ({@code
 * updatedAt}, {@code daemons} with {@code alive} and {@code timestamp}, {@code host}, {@code
 * uptime}, {@code summaryHeartbeat}) keep their meaning; everything else was added after them and
 * only ever grows. It never holds a secret: nothing from the auth or channel config reaches it.
 */
public record StatusDocument(
    int schemaVersion,
    long sequence,
    String updatedAt,
    String host,
    long uptime,
    boolean summaryHeartbeat,
    String health,
    Counts counts,
    DaemonsJson.Rendered daemons,
    @JsonInclude(JsonInclude.Include.NON_NULL) RegistrySection registry,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, ProbeReport> probes,
    DeliveryReport delivery,
    List<EventView> logs,
    SystemInfo system,
    @JsonInclude(JsonInclude.Include.NON_NULL) Cluster cluster) {

  public static final int SCHEMA_VERSION = 1;

  /** How the registry file was read; absent when no registry is configured. */
  public record RegistrySection(
      String path, boolean ok, String error, String lastGoodReadAt, int entries) {}

  /**
   * Several instances on one store, as the leader that wrote this document saw them; absent on a
   * single instance. Followers serve the leader's document byte for byte, so it names the writer.
   *
   * @param node the instance that wrote this document
   * @param role {@code leader}: only the leader writes
   * @param epoch the leader's term; a takeover raises it
   */
  public record Cluster(String node, String role, String leader, long epoch) {}

  /**
   * Everything the document needs besides the snapshot.
   *
   * @param onTime false when the scheduler fell behind its tick before this snapshot
   */
  public record Context(
      String host,
      Instant startedAt,
      boolean onTime,
      SourceReports sources,
      DeliveryReport delivery,
      List<StoredEvent> latestEvents,
      SystemInfo system,
      Cluster cluster) {}

  /**
   * @param daemons the snapshot's daemons object, rendered by {@link DaemonsJson}
   */
  public static StatusDocument of(
      Snapshot snapshot, Context context, DaemonsJson.Rendered daemons) {
    Counts counts = snapshot.counts();
    return new StatusDocument(
        SCHEMA_VERSION,
        snapshot.sequence(),
        Timestamps.format(snapshot.takenAt()),
        context.host(),
        Math.max(0, snapshot.takenAt().getEpochSecond() - context.startedAt().getEpochSecond()),
        counts.allUp() && context.onTime(),
        Health.of(counts).wire(),
        counts,
        daemons,
        registry(context.sources().registry()),
        context.sources().probes(),
        context.delivery(),
        context.latestEvents().stream().map(EventView::of).toList(),
        context.system(),
        context.cluster());
  }

  private static RegistrySection registry(RegistryStatus status) {
    if (status == null) {
      return null;
    }
    return new RegistrySection(
        status.path(),
        status.ok(),
        status.error(),
        status.lastGoodReadAt() == null ? null : status.lastGoodReadAt().toString(),
        status.entries());
  }
}
