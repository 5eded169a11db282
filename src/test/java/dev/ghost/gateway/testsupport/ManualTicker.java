package dev.ghost.gateway.testsupport;

import dev.ghost.gateway.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;

/**
 * Time that moves only when the test moves it. Whoever waits on it is woken when it moves past
 * their deadline; {@link #awaitParked} tells when every waiter is waiting for a time still to come,
 * so nothing more can happen until the test moves the time: "nothing more was sent" is then a fact.
 */
public final class ManualTicker implements Ticker {

  private volatile Instant now;
  private final Map<Object, Instant> waiting = new ConcurrentHashMap<>();

  public ManualTicker() {
    this(Instant.now());
  }

  public ManualTicker(Instant start) {
    this.now = start;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public void await(Object monitor, Instant deadline) throws InterruptedException {
    waiting.put(monitor, deadline);
    try {
      // The time may have moved between the caller's check and the put above; advance() sets the
      // time before it looks for waiters, so checking again here misses no move.
      if (now.isBefore(deadline)) {
        monitor.wait();
      }
    } finally {
      waiting.remove(monitor);
    }
  }

  /** Moves the time on and wakes every waiter. */
  public void advance(Duration step) {
    now = now.plus(step);
    for (Object monitor : waiting.keySet()) {
      synchronized (monitor) {
        monitor.notifyAll();
      }
    }
  }

  /**
   * Moves the time on by {@code step} until {@code done}, letting the {@code waiters} act after
   * each step; fails after a thousand steps.
   */
  public void stepUntil(Duration step, int waiters, Callable<Boolean> done) throws Exception {
    for (int i = 0; i < 1_000 && !done.call(); i++) {
      advance(step);
      awaitParked(waiters);
    }
    if (!done.call()) {
      throw new AssertionError("not done after 1,000 steps of " + step);
    }
  }

  /** Waits (a few real seconds at most) until {@code count} waiters wait for a time to come. */
  public void awaitParked(int count) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () ->
                waiting.size() >= count
                    && waiting.values().stream().allMatch(deadline -> deadline.isAfter(now)));
  }
}
