package dev.ghost.gateway;

import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.domain.Freshness;
import dev.ghost.gateway.signal.Wakeups;
import dev.ghost.gateway.snapshot.EventFeed;
import dev.ghost.gateway.snapshot.LatestTick;
import dev.ghost.gateway.snapshot.StatusPublisher;
import dev.ghost.gateway.source.DaemonThreads;
import dev.ghost.gateway.time.Ticker;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What both sides share, made once as CDI beans: the clock and the time that waiting parts wait on,
 * the freshness rule, the background timer, and what the write side publishes for readers (the
 * status document, the event feed, the latest tick) and the doorbell signals ring.
 */
@Singleton
public class SharedParts {

  /** The timer that background work shares (heartbeat expiries, pruning). */
  public static final String TIMER = "gateway-timer";

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The time the parts that wait (the tick, the senders) wait on: the clock's. */
  @Produces
  @Singleton
  Ticker ticker(Clock clock) {
    return new Ticker.SystemTicker(clock);
  }

  @Produces
  @Singleton
  Freshness freshness(GatewayConfig config) {
    return new Freshness(config.tick());
  }

  @Produces
  @Singleton
  @Named(TIMER)
  ScheduledExecutorService timer() {
    return Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(TIMER));
  }

  // What the write side publishes and readers read.

  @Produces
  @Singleton
  StatusPublisher publisher() {
    return new StatusPublisher();
  }

  @Produces
  @Singleton
  EventFeed feed() {
    return new EventFeed();
  }

  @Produces
  @Singleton
  LatestTick latestTick() {
    return new LatestTick();
  }

  @Produces
  @Singleton
  Wakeups wakeups() {
    return new Wakeups();
  }
}
