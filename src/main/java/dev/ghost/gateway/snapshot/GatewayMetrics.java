package dev.ghost.gateway.snapshot;

import dev.ghost.gateway.domain.Counts;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.store.DeliveryReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Turns every tick's result into the gauges and counters of {@code /q/metrics}. */
public final class GatewayMetrics implements Consumer<TickResult> {

  private final Map<DaemonState, AtomicInteger> daemons = new EnumMap<>(DaemonState.class);
  private final Timer tickDuration;
  private final Counter statusWriteFailures;
  private final Counter storeFailures;
  private final Counter eventsWritten;

  private final MeterRegistry registry;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (DaemonState state : DaemonState.values()) {
      AtomicInteger count = new AtomicInteger();
      daemons.put(state, count);
      Gauge.builder("gateway.daemons", count, AtomicInteger::get)
          .description("Daemons per state in the latest snapshot")
          .tag("state", state.wire())
          .register(registry);
    }
    tickDuration =
        Timer.builder("gateway.tick.duration")
            .description("Time to collect, diff, record, serialize and write one snapshot")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    statusWriteFailures =
        Counter.builder("gateway.status.write.failures")
            .description("Snapshots whose status.json could not be written")
            .register(registry);
    storeFailures =
        Counter.builder("gateway.store.failures")
            .description("Snapshots the store could not record")
            .register(registry);
    eventsWritten =
        Counter.builder("gateway.events.written")
            .description("Transitions stored in the event log")
            .register(registry);
  }

  /** The latest probe latency of one daemon, in seconds; NaN before its first run. */
  public void probeLatency(DaemonName daemon, Function<DaemonName, OptionalDouble> latency) {
    Gauge.builder("gateway.probe.latency", () -> latency.apply(daemon).orElse(Double.NaN))
        .description("Latency of the daemon's latest probe run")
        .tag("daemon", daemon.value())
        .baseUnit("seconds")
        .register(registry);
  }

  /**
   * The outbox: pending notifications, dead letters (from the latest report, refreshed every tick)
   * and messages sent per channel.
   */
  public void delivery(Supplier<DeliveryReport> report, Map<String, AtomicLong> sent) {
    Gauge.builder("gateway.notifications.pending", () -> report.get().pending())
        .description("Notifications in the outbox waiting to be sent")
        .register(registry);
    Gauge.builder("gateway.notifications.failed", () -> report.get().failed())
        .description("Dead letters: notifications a channel refused for good")
        .register(registry);
    sent.forEach(
        (channel, count) ->
            FunctionCounter.builder("gateway.notifications.sent", count, AtomicLong::get)
                .description("Messages delivered")
                .tag("channel", channel)
                .register(registry));
  }

  @Override
  public void accept(TickResult result) {
    Counts counts = result.snapshot().counts();
    daemons.forEach((state, gauge) -> gauge.set(counts.of(state)));
    tickDuration.record(result.nanos(), TimeUnit.NANOSECONDS);
    result.writeError().ifPresent(error -> statusWriteFailures.increment());
    result.storeError().ifPresent(error -> storeFailures.increment());
    eventsWritten.increment(result.events().size());
  }
}
