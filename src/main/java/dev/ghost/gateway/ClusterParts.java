package dev.ghost.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.cluster.ClusterNode;
import dev.ghost.gateway.cluster.Leadership;
import dev.ghost.gateway.cluster.LeaseKeeper;
import dev.ghost.gateway.cluster.StoreBus;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.signal.LocalSignalPath;
import dev.ghost.gateway.signal.SharedSignalPath;
import dev.ghost.gateway.signal.SignalPath;
import dev.ghost.gateway.signal.Wakeups;
import dev.ghost.gateway.snapshot.EventFeed;
import dev.ghost.gateway.snapshot.LatestTick;
import dev.ghost.gateway.snapshot.StatusFileWriter;
import dev.ghost.gateway.snapshot.StatusPublisher;
import dev.ghost.gateway.source.HeartbeatSource;
import dev.ghost.gateway.store.HeartbeatRows;
import dev.ghost.gateway.store.LeaseRow;
import dev.ghost.gateway.store.PublishedStatus;
import dev.ghost.gateway.time.Ticker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What decides between one instance and a cluster: on PostgreSQL a {@link ClusterNode} that leads
 * or follows, signals through the store, and the lease as the write side's {@link Leadership}; on
 * SQLite none of it, signals straight in, and a leadership that always leads.
 */
@Singleton
public class ClusterParts {

  @Produces
  @Singleton
  Optional<ClusterNode> cluster(
      GatewayStore store,
      GatewayConfig config,
      Ticker ticker,
      HeartbeatSource heartbeats,
      Wakeups wakeups,
      StatusPublisher publisher,
      LatestTick latest,
      EventFeed feed,
      ObjectMapper json,
      @Named(SharedParts.TIMER) ScheduledExecutorService timer,
      MeterRegistry meters) {
    if (!store.shared()) {
      return Optional.empty();
    }
    String node = config.cluster().node().orElseGet(() -> GatewayParts.hostName() + "-" + pid());
    LeaseRow lease = new LeaseRow(store.dataSource());
    ClusterNode cluster =
        new ClusterNode(
            changes -> new LeaseKeeper(lease, node, config.cluster().lease(), ticker, changes),
            new StoreBus(store.dataSource(), ticker),
            new HeartbeatRows(store.dataSource()),
            new PublishedStatus(store.dataSource()),
            heartbeats,
            new ClusterNode.WriteSide(wakeups::changed, wakeups::deliveries),
            new ClusterNode.Published(
                publisher, latest, feed, new StatusFileWriter(config.resolvedStatusFile())),
            json,
            timer);
    Gauge.builder("gateway.cluster.leader", () -> cluster.leadership().leading() ? 1 : 0)
        .description("1 while this instance leads the cluster, else 0")
        .register(meters);
    Gauge.builder("gateway.cluster.takeovers", cluster::takeovers)
        .description("How many times this instance took the lease")
        .register(meters);
    return Optional.of(cluster);
  }

  @Produces
  @Singleton
  Leadership leadership(Optional<ClusterNode> cluster) {
    return cluster.map(ClusterNode::leadership).orElse(Leadership.SOLO);
  }

  @Produces
  @Singleton
  SignalPath signalPath(
      Optional<ClusterNode> cluster,
      GatewayStore store,
      HeartbeatSource heartbeats,
      Wakeups wakeups,
      EventFeed feed) {
    return cluster
        .<SignalPath>map(
            node -> new SharedSignalPath(new HeartbeatRows(store.dataSource()), node.bus()))
        .orElseGet(() -> new LocalSignalPath(heartbeats, wakeups, feed));
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }
}
