package dev.ghost.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.alert.AlertPolicy;
import dev.ghost.gateway.alert.Routes;
import dev.ghost.gateway.cluster.ClusterNode;
import dev.ghost.gateway.cluster.LeaderTicks;
import dev.ghost.gateway.cluster.Leadership;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.delivery.Backoff;
import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.ChannelContext;
import dev.ghost.gateway.delivery.DeliveryWorker;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DeclaredDaemon;
import dev.ghost.gateway.domain.Freshness;
import dev.ghost.gateway.signal.Wakeups;
import dev.ghost.gateway.snapshot.AlertStage;
import dev.ghost.gateway.snapshot.ConsoleTransitions;
import dev.ghost.gateway.snapshot.EventFeed;
import dev.ghost.gateway.snapshot.GatewayMetrics;
import dev.ghost.gateway.snapshot.LatestTick;
import dev.ghost.gateway.snapshot.SnapshotEngine;
import dev.ghost.gateway.snapshot.SnapshotScheduler;
import dev.ghost.gateway.snapshot.SourceReports;
import dev.ghost.gateway.snapshot.StatusDocument;
import dev.ghost.gateway.snapshot.StatusFileWriter;
import dev.ghost.gateway.snapshot.StatusPublisher;
import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.snapshot.Ticks;
import dev.ghost.gateway.snapshot.Watchdog;
import dev.ghost.gateway.source.HeartbeatSource;
import dev.ghost.gateway.source.RegistryFileSource;
import dev.ghost.gateway.source.Sources;
import dev.ghost.gateway.source.probe.ProbeFactory;
import dev.ghost.gateway.source.probe.ProbeSource;
import dev.ghost.gateway.store.AckStore;
import dev.ghost.gateway.store.AlertStateStore;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.IncidentStore;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.SilenceStore;
import dev.ghost.gateway.time.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the write side's parts from the config, each once, as CDI beans: the sources, the channels
 * and their delivery worker, the routes, the engine and its scheduler. Making a part starts
 * nothing; {@link GatewayRuntime} starts and stops them in order. What both sides share is made by
 * {@link SharedParts}, the stores by {@link StoreParts}.
 */
@Singleton
public class GatewayParts {

  @Produces
  @Singleton
  HeartbeatSource heartbeats(
      GatewayConfig config,
      Clock clock,
      @Named(SharedParts.TIMER) ScheduledExecutorService timer,
      Wakeups wakeups) {
    return new HeartbeatSource(clock, config.heartbeat().ttl(), timer, wakeups);
  }

  @Produces
  @Singleton
  Sources sources(GatewayConfig config, Clock clock, HeartbeatSource heartbeats, Wakeups wakeups) {
    ProbeSource probes =
        new ProbeSource(
            clock,
            ProbeFactory.fromConfig(config.daemons(), config.tick(), probeClientIfNeeded(config)),
            config.probes().maxInFlight(),
            wakeups);
    return new Sources(
        heartbeats,
        config
            .registry()
            .file()
            .map(
                file ->
                    new RegistryFileSource(
                        file,
                        config.registry().maxAge(),
                        RegistryFileSource::runningProcesses,
                        wakeups)),
        probes);
  }

  @Produces
  @Singleton
  DeliveryWorker delivery(
      GatewayConfig config,
      Clock clock,
      Ticker ticker,
      Outbox outbox,
      GatewayStore store,
      ObjectMapper json,
      Leadership leadership) {
    List<Channel> channels =
        NotificationWiring.channels(
            new ChannelContext(
                config, hostName(), clock, json, new IncidentStore(store.dataSource())));
    return new DeliveryWorker(
        ticker,
        outbox,
        channels,
        new DeliveryWorker.Settings(
            config.alert().groupWindow(),
            new Backoff(config.delivery().maxBackoff(), ThreadLocalRandom.current()::nextDouble),
            leadership::leading));
  }

  /** Which channels each notification goes to. */
  @Produces
  @Singleton
  Routes routes(GatewayConfig config, DeliveryWorker delivery) {
    return NotificationWiring.routes(config, delivery.channelIds());
  }

  @Produces
  @Singleton
  GatewayMetrics metrics(MeterRegistry meters, DeliveryWorker delivery, Sources sources) {
    GatewayMetrics metrics = new GatewayMetrics(meters);
    metrics.delivery(delivery::lastReport, delivery.sentCounts());
    ProbeSource probes = sources.probes();
    probes.probes().forEach(probe -> metrics.probeLatency(probe.daemon(), probes::latencySeconds));
    return metrics;
  }

  @Produces
  @Singleton
  SnapshotEngine engine(
      GatewayConfig config,
      Clock clock,
      Freshness freshness,
      Sources sources,
      EventLog eventLog,
      Outbox outbox,
      SilenceStore silences,
      AckStore acks,
      Routes routes,
      StatusPublisher publisher,
      DeliveryWorker delivery,
      GatewayStore store,
      ObjectMapper json,
      Optional<ClusterNode> cluster) {
    Instant startedAt = clock.instant();
    return new SnapshotEngine(
        clock,
        new SnapshotEngine.Settings(
            freshness, hostName(), config.dataDir(), config.statusLogSize()),
        new SnapshotEngine.Inputs(
            sources.all(),
            declaredDaemons(config, freshness, startedAt),
            () ->
                new SourceReports(
                    sources.registry().map(RegistryFileSource::status).orElse(null),
                    sources.probes().reports()),
            delivery::report,
            cluster
                .<Supplier<StatusDocument.Cluster>>map(node -> node::section)
                .orElse(() -> null)),
        new SnapshotEngine.Outputs(
            eventLog,
            publisher,
            new StatusFileWriter(config.resolvedStatusFile()),
            new ConsoleTransitions(),
            json,
            cluster.map(ClusterNode::fence).orElse(connection -> {})),
        new AlertStage(
            new AlertPolicy(NotificationWiring.alertSettings(config.alert())),
            new AlertStateStore(store.dataSource()),
            outbox,
            silences,
            acks,
            routes,
            delivery::wake,
            startSettled(sources.probes(), clock, freshness, startedAt)));
  }

  @Produces
  @Singleton
  SnapshotScheduler scheduler(
      GatewayConfig config,
      Ticker ticker,
      SnapshotEngine engine,
      LatestTick latest,
      EventFeed feed,
      GatewayMetrics metrics,
      MeterRegistry meters,
      Optional<ClusterNode> cluster) {
    Consumer<TickResult> watchdog =
        config
            .watchdog()
            .url()
            .<Consumer<TickResult>>map(
                url ->
                    new Watchdog(
                        url, config.watchdog().method(), config.watchdog().timeout(), meters))
            .orElse(result -> {});
    Ticks ticks =
        cluster
            .<Ticks>map(node -> new LeaderTicks(engine, node.leadership(), node::resumeHeartbeats))
            .orElseGet(() -> Ticks.of(engine));
    return new SnapshotScheduler(
        ticks,
        config.tick(),
        ticker,
        result -> {
          latest.set(result);
          metrics.accept(result);
          watchdog.accept(result);
          cluster.ifPresent(node -> node.afterTick(result));
          if (!result.events().isEmpty()) {
            feed.published();
          }
        });
  }

  /**
   * The start is settled once every probe has run, or after the default grace: a probe with a long
   * interval does not hold the start summary back for long, it shows there as unknown.
   */
  private static BooleanSupplier startSettled(
      ProbeSource probes, Clock clock, Freshness freshness, Instant startedAt) {
    Instant latest = startedAt.plus(freshness.defaultGrace());
    return () -> probes.allRan() || !clock.instant().isBefore(latest);
  }

  private static List<DeclaredDaemon> declaredDaemons(
      GatewayConfig config, Freshness freshness, Instant startedAt) {
    List<DeclaredDaemon> declared = new ArrayList<>();
    config
        .daemons()
        .forEach(
            (name, daemon) ->
                declared.add(
                    new DeclaredDaemon(
                        DaemonName.of(daemon.nameOr(name)),
                        startedAt.plus(daemon.grace().orElse(freshness.defaultGrace())))));
    return declared;
  }

  /**
   * One client for all HTTP probes; redirects are followed as a browser would. Made only when an
   * HTTP probe needs it: the JDK client sets up its TLS context when it is made, a tenth of a
   * second of every start otherwise.
   */
  private static HttpClient probeClientIfNeeded(GatewayConfig config) {
    boolean needed =
        config.daemons().values().stream().anyMatch(daemon -> daemon.probe().http().isPresent());
    return needed
        ? HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
        : null;
  }

  /** From the environment first: a DNS lookup at boot can hang where the network is closed. */
  static String hostName() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
