package dev.ghost.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.alert.AlertPolicy;
import dev.ghost.gateway.alert.Routes;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.delivery.Backoff;
import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.ConsoleChannel;
import dev.ghost.gateway.delivery.DeliveryWorker;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DeclaredDaemon;
import dev.ghost.gateway.snapshot.AlertStage;
import dev.ghost.gateway.snapshot.EventFeed;
import dev.ghost.gateway.snapshot.GatewayMetrics;
import dev.ghost.gateway.snapshot.SnapshotEngine;
import dev.ghost.gateway.snapshot.SnapshotScheduler;
import dev.ghost.gateway.snapshot.SourceReports;
import dev.ghost.gateway.snapshot.StatusFileWriter;
import dev.ghost.gateway.snapshot.StatusPublisher;
import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.source.ChangeSignal;
import dev.ghost.gateway.source.DaemonSource;
import dev.ghost.gateway.source.DaemonThreads;
import dev.ghost.gateway.source.HeartbeatSource;
import dev.ghost.gateway.source.RegistryFileSource;
import dev.ghost.gateway.source.probe.ProbeFactory;
import dev.ghost.gateway.source.probe.ProbeSource;
import dev.ghost.gateway.store.AlertStateStore;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.IncidentStore;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.SilenceStore;
import dev.ghost.gateway.store.StoreFile;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Builds the pipeline of DESIGN.md from the config, in the one order that works: data directory,
 * store, sources, the baseline from before a restart, then the scheduler. The parts themselves are
 * plain classes; this is the only place that knows how they fit.
 */
@Startup
@Singleton
public class GatewayRuntime {

  private static final Logger LOG = Logger.getLogger(GatewayRuntime.class);

  /** How long a stop waits for sends in flight; what is left stays pending for the next start. */
  private static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(10);

  private static final Duration SENT_KEPT = Duration.ofDays(7);

  @Inject GatewayConfig config;
  @Inject DataSource dataSource;
  @Inject Flyway flyway;
  @Inject MeterRegistry meters;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String storeUrl;

  private final Clock clock = Clock.systemUTC();
  private final StatusPublisher publisher = new StatusPublisher();
  private final EventFeed feed = new EventFeed();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("gateway-timer"));
  private EventLog eventLog;
  private Outbox outbox;
  private SilenceStore silences;
  private DeliveryWorker delivery;
  private HeartbeatSource heartbeats;
  private RegistryFileSource registry;
  private ProbeSource probes;
  private SnapshotScheduler scheduler;
  private SnapshotEngine engine;
  private volatile TickResult lastTick;

  @PostConstruct
  void start() {
    openStore();
    SignalRelay relay = new SignalRelay();
    List<DaemonSource> sources = createSources(relay);
    List<Channel> channels =
        NotificationWiring.channels(config, hostName(), new IncidentStore(dataSource), clock, json);
    delivery =
        new DeliveryWorker(
            clock,
            outbox,
            channels,
            new DeliveryWorker.Settings(
                config.alert().groupWindow(),
                new Backoff(
                    config.delivery().maxBackoff(), ThreadLocalRandom.current()::nextDouble)));
    engine = createEngine(sources, NotificationWiring.routes(config, channels));
    GatewayMetrics metrics = new GatewayMetrics(meters);
    metrics.delivery(delivery::lastReport, delivery.sentCounts());
    probes.probes().forEach(probe -> metrics.probeLatency(probe.daemon(), probes::latencySeconds));
    scheduler = new SnapshotScheduler(engine, config.tick(), result -> afterTick(result, metrics));
    relay.target = scheduler;
    scheduler.start();
    delivery.start();
    timer.scheduleWithFixedDelay(this::pruneOutbox, 1, 60, TimeUnit.MINUTES);
    // Normally HTTP's start starts the probes (below); a server that was already listening (tests
    // restart the application in the same server) sends no such event, so one tick later at most.
    timer.schedule(probes::start, config.tick().toMillis(), TimeUnit.MILLISECONDS);
    if (registry != null) {
      registry.startWatching();
    }
    LOG.infof(
        "gateway started: data in %s, status file %s, tick %s",
        config.dataDir().toAbsolutePath().normalize(),
        config.resolvedStatusFile().toAbsolutePath().normalize(),
        config.tick());
  }

  /**
   * SQLite does not create directories, so the data dir comes first, then the migrations. A store
   * that cannot be opened stops the start with one line naming the file and what to do.
   */
  private void openStore() {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new ConfigurationException(
          StartupChecks.block(
              List.of("gateway.data-dir " + config.dataDir() + " cannot be created: " + e)));
    }
    try {
      flyway.migrate();
    } catch (RuntimeException e) {
      String explained =
          StoreFile.of(storeUrl).map(store -> store.explain(e)).orElse("cannot open the store");
      throw new ConfigurationException(StartupChecks.block(List.of(explained)));
    }
    eventLog = new EventLog(dataSource);
    outbox = new Outbox(dataSource);
    silences = new SilenceStore(dataSource);
  }

  private List<DaemonSource> createSources(ChangeSignal relay) {
    List<DaemonSource> sources = new ArrayList<>();
    heartbeats = new HeartbeatSource(clock, config.heartbeat().ttl(), timer, relay);
    sources.add(heartbeats);
    config
        .registry()
        .file()
        .ifPresent(
            file -> {
              registry =
                  new RegistryFileSource(
                      file,
                      config.registry().maxAge(),
                      RegistryFileSource::runningProcesses,
                      relay);
              sources.add(registry);
            });
    probes =
        new ProbeSource(
            clock,
            ProbeFactory.fromConfig(config.daemons(), config.tick(), probeClient()),
            config.probes().maxInFlight(),
            relay);
    sources.add(probes);
    return sources;
  }

  /** The engine, resumed from the last recorded snapshot. */
  private SnapshotEngine createEngine(List<DaemonSource> sources, Routes routes) {
    Supplier<SourceReports> sourceReports =
        () -> new SourceReports(registry == null ? null : registry.status(), probes.reports());
    SnapshotEngine engine =
        new SnapshotEngine(
            clock,
            new SnapshotEngine.Settings(
                config.tick(), hostName(), config.dataDir(), config.statusLogSize()),
            sources,
            declaredDaemons(clock.instant()),
            eventLog,
            publisher,
            new StatusFileWriter(config.resolvedStatusFile()),
            sourceReports,
            new ConsoleChannel(),
            json,
            new AlertStage(
                new AlertPolicy(NotificationWiring.alertSettings(config.alert())),
                new AlertStateStore(dataSource),
                outbox,
                silences,
                routes,
                delivery::wake,
                startSettled()),
            delivery::report);
    try {
      engine.resume();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the last snapshot from the store", e);
    }
    return engine;
  }

  /**
   * The gateway's own probes (of its health endpoint, say) would find it down while it does not
   * listen yet, so probing starts once HTTP listens. Each event loop reports its start; the first
   * starts the probes. Quarkus fires this event asynchronously.
   */
  void httpListening(@ObservesAsync HttpServerStart listening) {
    probes.start();
  }

  /**
   * The start is settled once every probe has run, or after two ticks: a probe with a long interval
   * does not hold the start summary back for long, it shows there as unknown.
   */
  private BooleanSupplier startSettled() {
    Instant latest = clock.instant().plus(config.tick().multipliedBy(2));
    return () -> probes.allRan() || !clock.instant().isBefore(latest);
  }

  /** Sent notifications are kept a week for the deliveries API, then forgotten. */
  private void pruneOutbox() {
    try {
      outbox.pruneSent(clock.instant().minus(SENT_KEPT));
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("cannot prune sent notifications: %s", e.toString());
    }
  }

  private void afterTick(TickResult result, GatewayMetrics metrics) {
    lastTick = result;
    metrics.accept(result);
    if (!result.events().isEmpty()) {
      feed.published();
    }
  }

  /**
   * On SIGTERM, before Quarkus closes the data source: no new tick, one last snapshot (so
   * status.json and the store end where the gateway did), sources closed, then sends in flight get
   * {@link #SHUTDOWN_DRAIN} to finish. What is still pending stays in the outbox for the next
   * start, so nothing is lost and nothing is sent twice.
   */
  void stop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException, IOException {
    if (scheduler == null) {
      return; // the start failed before anything ran (a bad config); there is nothing to stop
    }
    scheduler.close();
    TickResult last = engine.take();
    timer.shutdownNow();
    probes.close();
    if (registry != null) {
      registry.close();
    }
    delivery.close(SHUTDOWN_DRAIN);
    LOG.infof(
        "gateway stopped at snapshot %d; %d notification(s) left pending for the next start",
        last.snapshot().sequence(), delivery.report().pending());
  }

  public HeartbeatSource heartbeats() {
    return heartbeats;
  }

  public Outbox outbox() {
    return outbox;
  }

  public SilenceStore silences() {
    return silences;
  }

  public DeliveryWorker delivery() {
    return delivery;
  }

  /** Asks for a snapshot now, e.g. after a silence changed. */
  public void changed() {
    scheduler.changed();
  }

  public EventLog eventLog() {
    return eventLog;
  }

  public StatusPublisher publisher() {
    return publisher;
  }

  public EventFeed feed() {
    return feed;
  }

  /** The latest tick's result, or null before the first. */
  public TickResult lastTick() {
    return lastTick;
  }

  public Instant now() {
    return clock.instant();
  }

  public Duration tick() {
    return config.tick();
  }

  public Duration heartbeatTtl() {
    return config.heartbeat().ttl();
  }

  private List<DeclaredDaemon> declaredDaemons(Instant startedAt) {
    Duration defaultGrace = config.tick().multipliedBy(2);
    List<DeclaredDaemon> declared = new ArrayList<>();
    config
        .daemons()
        .forEach(
            (name, daemon) ->
                declared.add(
                    new DeclaredDaemon(
                        DaemonName.of(daemon.nameOr(name)),
                        startedAt.plus(daemon.grace().orElse(defaultGrace)))));
    return declared;
  }

  /** One client for all HTTP probes; redirects are followed as a browser would. */
  private static HttpClient probeClient() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** From the environment first: a DNS lookup at boot can hang where the network is closed. */
  private static String hostName() {
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

  /**
   * Sources need a signal before the scheduler that answers it exists (the scheduler needs the
   * sources first); this forwards to it once it does. Signals before that are covered by the first
   * tick, which runs at start.
   */
  private static final class SignalRelay implements ChangeSignal {
    private volatile SnapshotScheduler target;

    @Override
    public void changed() {
      SnapshotScheduler current = target;
      if (current != null) {
        current.changed();
      }
    }
  }
}
