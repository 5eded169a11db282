package dev.ghost.gateway.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time that the parts which wait (the tick, pacing, Retry-After, backoff) read and wait on. The
 * gateway's runs on the wall clock; a test's moves only when the test moves it, so a test of a
 * 30-second backoff takes no 30 seconds and "nothing more happened" is a fact, not a guess.
 */
public interface Ticker {

  /** The wall clock. */
  Ticker SYSTEM = new SystemTicker(Clock.systemUTC());

  Instant now();

  /**
   * Waits on {@code monitor}, which the caller holds, until {@code deadline} at the latest. It may
   * return sooner (a notify on the monitor, or the time moved), so callers wait in a loop that
   * checks what they wait for.
   */
  void await(Object monitor, Instant deadline) throws InterruptedException;

  /** The wall clock as a ticker. */
  record SystemTicker(Clock clock) implements Ticker {

    @Override
    public Instant now() {
      return clock.instant();
    }

    @Override
    public void await(Object monitor, Instant deadline) throws InterruptedException {
      long millis = Duration.between(clock.instant(), deadline).toMillis();
      if (millis > 0) {
        monitor.wait(millis);
      }
    }
  }
}
