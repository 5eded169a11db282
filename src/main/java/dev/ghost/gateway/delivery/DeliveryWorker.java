package dev.ghost.gateway.delivery;

import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.domain.Timestamps;
import dev.ghost.gateway.store.DeliveryReport;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.OutboxEntry;
import dev.ghost.gateway.time.Ticker;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, one thread per channel, so a slow or rate-limited channel never
 * holds up another. Within a channel entries go strictly in outbox order and a failing head blocks
 * the ones behind it until it is sent or given up on: a recovery never overtakes its down.
 */
public final class DeliveryWorker {

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

  /** Entries read per pass; a group never needs more than one message holds. */
  private static final int READ_AHEAD = 500;

  /** A pass also runs this often without a wake-up, so nothing waits on a lost signal. */
  private static final Duration IDLE_POLL = Duration.ofSeconds(5);

  /**
   * How often a receiver that does not answer at all is tried: often enough that a notification
   * arrives within a second of the receiver's return, rarely enough to cost nothing meanwhile.
   */
  static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(1);

  /**
   * @param groupWindow how long the first of a group waits for others to join it
   * @param sending whether this instance sends now: always on its own, while it holds the lease in
   *     a cluster (checked again right before each send, so a deposed leader sends nothing more)
   */
  public record Settings(Duration groupWindow, Backoff backoff, BooleanSupplier sending) {}

  private final Ticker ticker;
  private final Outbox outbox;
  private final Settings settings;
  private final List<Lane> lanes = new ArrayList<>();
  private volatile DeliveryReport lastReport = DeliveryReport.NONE;

  /**
   * @param ticker the time pacing, Retry-After and backoff are measured and waited on
   */
  public DeliveryWorker(Ticker ticker, Outbox outbox, List<Channel> channels, Settings settings) {
    this.ticker = ticker;
    this.outbox = outbox;
    this.settings = settings;
    channels.forEach(channel -> lanes.add(new Lane(channel)));
  }

  public void start() {
    for (Lane lane : lanes) {
      Thread thread = new Thread(lane, "delivery-" + lane.channel.id());
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Something was queued or put back: look now rather than at the next poll. */
  public void wake() {
    lanes.forEach(Lane::wake);
  }

  /**
   * Counts from the store, and each channel's latest delivery and trouble; kept for the metrics.
   */
  public DeliveryReport report() {
    Map<String, Outbox.ChannelCounts> counts;
    try {
      counts = outbox.counts();
    } catch (SQLException e) {
      return lastReport;
    }
    List<DeliveryReport.ChannelReport> channels = new ArrayList<>();
    long pending = 0;
    long failed = 0;
    for (Lane lane : lanes) {
      Outbox.ChannelCounts c =
          counts.getOrDefault(lane.channel.id(), new Outbox.ChannelCounts(0, 0, null));
      pending += c.pending();
      failed += c.failed();
      Instant sentAt = lane.lastSentAt;
      channels.add(
          new DeliveryReport.ChannelReport(
              lane.channel.id(),
              lane.channel.kind(),
              lane.channel.target(),
              c.pending(),
              c.failed(),
              sentAt == null ? null : Timestamps.format(sentAt),
              lane.redact(c.lastError())));
    }
    lastReport = new DeliveryReport(pending, failed, channels);
    return lastReport;
  }

  public DeliveryReport lastReport() {
    return lastReport;
  }

  /** The ids of the channels it sends to, in the order they were given. */
  public List<String> channelIds() {
    return lanes.stream().map(lane -> lane.channel.id()).toList();
  }

  /** Messages each channel delivered since start, for the sent counter. */
  public Map<String, AtomicLong> sentCounts() {
    Map<String, AtomicLong> sent = new LinkedHashMap<>();
    lanes.forEach(lane -> sent.put(lane.channel.id(), lane.sent));
    return sent;
  }

  /**
   * Stops taking new batches and gives the ones in flight up to {@code drain} to finish; whatever
   * is still pending stays in the outbox for the next start.
   */
  public void close(Duration drain) throws InterruptedException {
    lanes.forEach(Lane::stop);
    long deadline = System.nanoTime() + drain.toNanos();
    for (Lane lane : lanes) {
      lane.awaitStopped(Math.max(0, deadline - System.nanoTime()));
    }
  }

  /** One channel's sender. */
  private final class Lane implements Runnable {
    private final Channel channel;
    private final Object signal = new Object();
    private final AtomicLong sent = new AtomicLong();
    private boolean woken;
    private volatile boolean stopping;
    private volatile boolean stopped;
    private volatile Instant lastSentAt;
    private Instant notBefore = Instant.EPOCH;
    private int failures;
    private boolean unreachable;

    Lane(Channel channel) {
      this.channel = channel;
    }

    @Override
    public void run() {
      try {
        while (!stopping) {
          try {
            pass();
          } catch (SQLException | RuntimeException e) {
            LOG.warning(
                "delivery to "
                    + channel.id()
                    + " failed; retrying in 1 s: "
                    + redact(e.toString()));
            await(ticker.now().plusSeconds(1));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        synchronized (signal) {
          stopped = true;
          signal.notifyAll();
        }
      }
    }

    /** Reads the head of the queue and sends one batch, or waits until one is due. */
    private void pass() throws SQLException, InterruptedException {
      if (!settings.sending().getAsBoolean()) {
        await(ticker.now().plus(IDLE_POLL)); // woken when this instance leads again
        return;
      }
      List<OutboxEntry> queue = outbox.pending(channel.id(), READ_AHEAD);
      if (queue.isEmpty()) {
        await(ticker.now().plus(IDLE_POLL));
        return;
      }
      OutboxEntry head = queue.get(0);
      Instant groupEnd =
          channel.groups() ? head.created().plus(settings.groupWindow()) : head.created();
      Instant due = notBefore.isAfter(groupEnd) ? notBefore : groupEnd;
      if (ticker.now().isBefore(due)) {
        await(due);
        return;
      }
      List<OutboxEntry> group = new ArrayList<>();
      for (OutboxEntry entry : queue) {
        if (entry.created().isAfter(groupEnd)) {
          break;
        }
        group.add(entry);
      }
      List<Notification> notifications = group.stream().map(OutboxEntry::notification).toList();
      int size = Math.max(1, Math.min(group.size(), channel.fit(notifications)));
      List<OutboxEntry> batch = group.subList(0, size);
      if (!settings.sending().getAsBoolean()) {
        return; // the lease ran out while the queue was read: the next leader sends it
      }
      DeliveryResult result = channel.send(notifications.subList(0, size));
      settle(batch, result);
    }

    private void settle(List<OutboxEntry> batch, DeliveryResult result) throws SQLException {
      Instant now = ticker.now();
      String detail = redact(result.detail());
      if (unreachable && result.outcome() != DeliveryResult.Outcome.UNREACHABLE) {
        unreachable = false;
        LOG.info(() -> channel.id() + " answers again");
      }
      switch (result.outcome()) {
        case SENT -> {
          failures = 0;
          notBefore = now.plus(channel.minInterval());
          lastSentAt = now;
          sent.incrementAndGet();
          outbox.sent(batch, now);
        }
        case RETRY_AFTER -> {
          notBefore = now.plus(result.delay());
          outbox.attempted(batch, detail);
          LOG.info(() -> channel.id() + " asks to wait " + result.delay() + ": " + detail);
        }
        case RETRY -> {
          failures++;
          Duration delay = settings.backoff().delay(failures);
          notBefore = now.plus(delay);
          outbox.attempted(batch, detail);
          LOG.warning(
              channel.id()
                  + " failed ("
                  + detail
                  + "); attempt "
                  + failures
                  + ", next in "
                  + delay);
        }
        case UNREACHABLE -> {
          notBefore = now.plus(UNREACHABLE_RETRY);
          outbox.attempted(batch, detail);
          if (!unreachable) {
            // Once per outage: it is tried every second until it answers.
            unreachable = true;
            LOG.warning(
                channel.id()
                    + " does not answer ("
                    + detail
                    + "); trying every second until it does");
          }
        }
        case PERMANENT -> {
          failures = 0;
          notBefore = now.plus(channel.minInterval());
          outbox.failed(batch, detail, now);
          LOG.warning(
              channel.id()
                  + " refused "
                  + batch.size()
                  + " notification(s) for good, kept as dead letters: "
                  + detail);
        }
      }
    }

    private String redact(String text) {
      return Secrets.redact(text, channel.secrets());
    }

    private void await(Instant until) throws InterruptedException {
      synchronized (signal) {
        while (!woken && !stopping && ticker.now().isBefore(until)) {
          ticker.await(signal, until);
        }
        woken = false;
      }
    }

    void wake() {
      synchronized (signal) {
        woken = true;
        signal.notifyAll();
      }
    }

    void stop() {
      synchronized (signal) {
        stopping = true;
        signal.notifyAll();
      }
    }

    void awaitStopped(long nanos) throws InterruptedException {
      long deadline = System.nanoTime() + nanos;
      synchronized (signal) {
        while (!stopped) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return;
          }
          signal.wait(Math.max(1, left / 1_000_000));
        }
      }
    }
  }
}
