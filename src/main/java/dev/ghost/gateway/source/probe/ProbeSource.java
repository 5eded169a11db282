package dev.ghost.gateway.source.probe;

import dev.ghost.gateway.domain.Ages;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Observation;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.source.ChangeSignal;
import dev.ghost.gateway.source.DaemonSource;
import dev.ghost.gateway.source.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the configured probes on their own intervals, at most {@code maxInFlight} at once, and
 * reports each one's latest finished result. A tick never waits for a probe: it reads what the last
 * run found. A result older than two intervals says nothing about now, so it counts as UNKNOWN.
 */
public final class ProbeSource implements DaemonSource, AutoCloseable {

  static final String SOURCE = "probe";
  private static final Logger LOG = Logger.getLogger(ProbeSource.class.getName());

  private final Clock clock;
  private final List<ScheduledProbe> probes;
  private final ChangeSignal signal;
  private final ScheduledExecutorService timer;
  private final ExecutorService runners;
  private final Map<DaemonName, Result> results = new ConcurrentHashMap<>();
  private final Set<DaemonName> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * The latest result of one probe.
   *
   * @param latency null for a result restored from before a restart
   */
  private record Result(DaemonState state, String reason, Instant at, Duration latency) {}

  public ProbeSource(
      Clock clock, List<ScheduledProbe> probes, int maxInFlight, ChangeSignal signal) {
    this.clock = clock;
    this.probes = List.copyOf(probes);
    this.signal = signal;
    this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("probe-timer"));
    this.runners =
        Executors.newFixedThreadPool(Math.max(1, maxInFlight), DaemonThreads.named("probe"));
  }

  @Override
  public String name() {
    return SOURCE;
  }

  /**
   * Starts every probe, their first runs spread over the first interval so that a thousand probes
   * do not all fire in the same millisecond. Starting twice starts nothing more.
   */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    for (int i = 0; i < probes.size(); i++) {
      ScheduledProbe probe = probes.get(i);
      long interval = probe.interval().toMillis();
      long firstDelay = interval * i / Math.max(1, probes.size());
      timer.scheduleAtFixedRate(() -> launch(probe), firstDelay, interval, TimeUnit.MILLISECONDS);
    }
  }

  /** Starts a run unless the previous one of the same probe is still going. */
  private void launch(ScheduledProbe probe) {
    if (!inFlight.add(probe.daemon())) {
      return;
    }
    try {
      runners.execute(() -> runOnce(probe));
    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
      inFlight.remove(probe.daemon());
    }
  }

  private void runOnce(ScheduledProbe probe) {
    try {
      ProbeOutcome outcome = probe.probe().run();
      Result next =
          new Result(
              outcome.up() ? DaemonState.UP : DaemonState.DOWN,
              outcome.reason(),
              clock.instant(),
              outcome.latency());
      Result before = results.put(probe.daemon(), next);
      if (before == null || before.state() != next.state()) {
        signal.changed();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "probe of " + probe.daemon() + " failed unexpectedly", e);
    } finally {
      inFlight.remove(probe.daemon());
    }
  }

  @Override
  public List<Observation> observe(Instant now) {
    List<Observation> observations = new ArrayList<>(probes.size());
    for (ScheduledProbe probe : probes) {
      observations.add(judge(probe, results.get(probe.daemon()), now));
    }
    return observations;
  }

  private static Observation judge(ScheduledProbe probe, Result result, Instant now) {
    if (result == null) {
      return new Observation(
          probe.daemon(), DaemonState.UNKNOWN, "not probed yet", SOURCE, null, null);
    }
    if (Ages.isStale(result.at(), now, probe.interval().multipliedBy(2))) {
      return new Observation(
          probe.daemon(),
          DaemonState.UNKNOWN,
          "last probe result is "
              + Ages.secondsBetween(result.at(), now)
              + " s old (interval "
              + probe.interval().toMillis()
              + " ms)",
          SOURCE,
          result.at(),
          null);
    }
    return new Observation(
        probe.daemon(), result.state(), result.reason(), SOURCE, result.at(), null);
  }

  /**
   * Keeps a probed daemon's last known state until its first probe after a restart has run, so a
   * restart does not flip every probed daemon to UNKNOWN and back.
   */
  @Override
  public void restore(DaemonStatus known) {
    if (known.state() != DaemonState.UNKNOWN) {
      results.putIfAbsent(
          known.name(), new Result(known.state(), known.reason(), clock.instant(), null));
    }
  }

  /** Whether every probe has run at least once since this gateway started. */
  public boolean allRan() {
    for (ScheduledProbe probe : probes) {
      Result result = results.get(probe.daemon());
      if (result == null || result.latency() == null) {
        return false;
      }
    }
    return true;
  }

  /** Each probe's latest run, by daemon name, for the status document. */
  public Map<String, ProbeReport> reports() {
    Map<String, ProbeReport> reports = new LinkedHashMap<>();
    for (ScheduledProbe probe : probes) {
      Result result = results.get(probe.daemon());
      boolean ran = result != null && result.latency() != null;
      reports.put(
          probe.daemon().value(),
          new ProbeReport(
              probe.probe().kind(),
              probe.interval().toMillis(),
              ran ? Timestamps.format(result.at()) : null,
              ran ? result.latency().toMillis() : null));
    }
    return reports;
  }

  /** The latest run's latency in seconds, or empty before the first run. */
  public OptionalDouble latencySeconds(DaemonName daemon) {
    Result result = results.get(daemon);
    return result == null || result.latency() == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(result.latency().toNanos() / 1e9);
  }

  public List<ScheduledProbe> probes() {
    return probes;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    runners.shutdownNow();
  }
}
