package dev.ghost.gateway.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.snapshot.SnapshotEngine;
import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.source.probe.Probe;
import dev.ghost.gateway.source.probe.ProbeFactory;
import dev.ghost.gateway.source.probe.ProbeOutcome;
import dev.ghost.gateway.source.probe.ProbeSource;
import dev.ghost.gateway.source.probe.ScheduledProbe;
import dev.ghost.gateway.testsupport.Configs;
import dev.ghost.gateway.testsupport.Engines;
import dev.ghost.gateway.testsupport.SqliteStores;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * N HTTP probes against a local server, every probe once per tick: how long a tick takes while they
 * run, and the probes' round trips, against the round trip of one probe alone on an idle machine in
 * the same run. Run by bench/run.sh.
 */
public final class ProbeBenchmark {

  private ProbeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Duration interval = Duration.ofSeconds(1);
    // WireMock (Jetty), not the JDK's HttpServer: that one writes headers and body in two
    // packets, and Nagle's algorithm with delayed ACKs adds 40 ms to every answer.
    WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(16));
    server.start();
    server.stubFor(get("/health").willReturn(okJson("{\"status\":\"ok\"}")));
    String url = server.baseUrl() + "/health";

    Map<String, String> config = new HashMap<>();
    for (int i = 0; i < count; i++) {
      config.put("gateway.daemons.svc-" + i + ".probe.http.url", url);
      config.put("gateway.daemons.svc-" + i + ".probe.interval", interval.toMillis() + "ms");
    }
    List<Long> roundTrips = Collections.synchronizedList(new ArrayList<>());
    List<ScheduledProbe> probes =
        ProbeFactory.fromConfig(
                Configs.gateway(config).daemons(), interval, HttpClient.newHttpClient())
            .stream()
            .map(
                probe ->
                    new ScheduledProbe(
                        probe.daemon(), timed(probe.probe(), roundTrips), probe.interval()))
            .toList();

    Path dir = ScratchDirs.create("probe-bench");
    try (ProbeSource source = new ProbeSource(Clock.systemUTC(), probes, 16, () -> {})) {
      SnapshotEngine engine =
          Engines.create(
              Clock.systemUTC(),
              dir,
              SqliteStores.migrated(dir.resolve("gateway.db")),
              List.of(source),
              List.of(),
              events -> {});
      engine.resume();
      source.start();
      Thread.sleep(interval.toMillis() * 3);

      for (int warmup = 0; warmup < 5; warmup++) {
        Thread.sleep(interval.toMillis());
        engine.take();
      }
      long[] tickNanos = new long[ticks];
      roundTrips.clear();
      int notUp = 0;
      for (int t = 0; t < ticks; t++) {
        Thread.sleep(interval.toMillis());
        TickResult result = engine.take();
        tickNanos[t] = result.nanos();
        notUp +=
            (int)
                result.snapshot().daemons().values().stream()
                    .filter(status -> status.state() != DaemonState.UP)
                    .count();
      }
      source.close();
      long[] loaded;
      synchronized (roundTrips) {
        loaded = roundTrips.stream().mapToLong(Long::longValue).toArray();
      }
      long[] alone = reference(probes.get(0), 500);
      System.out.printf(
          "probe benchmark: %d HTTP probes every %d ms, 16 in flight, %d ticks%n",
          count, interval.toMillis(), ticks);
      System.out.printf(
          "tick while probing           median %7.2f ms  p99 %7.2f ms%n",
          Percentiles.millis(tickNanos, 0.5), Percentiles.millis(tickNanos, 0.99));
      System.out.printf(
          "probe round trip, %d at once median %7.2f ms  p99 %7.2f ms  (p99 %.1fx one probe alone)%n",
          count,
          Percentiles.millis(loaded, 0.5),
          Percentiles.millis(loaded, 0.99),
          Percentiles.millis(loaded, 0.99) / Percentiles.millis(alone, 0.99));
      System.out.printf(
          "reference: one probe alone   median %7.2f ms  p99 %7.2f ms%n",
          Percentiles.millis(alone, 0.5), Percentiles.millis(alone, 0.99));
      System.out.printf("daemons seen not UP over all ticks: %d of %d%n", notUp, count * ticks);
    } finally {
      server.stop();
    }
  }

  /** Records every run's latency, to the nanosecond. */
  private static Probe timed(Probe probe, List<Long> latencies) {
    return new Probe() {
      @Override
      public String kind() {
        return probe.kind();
      }

      @Override
      public ProbeOutcome run() {
        ProbeOutcome outcome = probe.run();
        latencies.add(outcome.latency().toNanos());
        return outcome;
      }
    };
  }

  /** One probe at a time, after the loaded run, so the JIT is as warm for it as for the load. */
  private static long[] reference(ScheduledProbe probe, int runs) {
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      nanos[i] = probe.probe().run().latency().toNanos();
    }
    return nanos;
  }
}
