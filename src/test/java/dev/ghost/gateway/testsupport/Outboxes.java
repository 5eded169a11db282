package dev.ghost.gateway.testsupport;

import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.alert.NotificationKind;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.store.Outbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Puts notifications in a real outbox the way a tick does, for delivery tests. */
public final class Outboxes {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Outboxes() {}

  public static void enqueue(DataSource store, String channel, List<Notification> notifications)
      throws SQLException {
    enqueue(store, channel, notifications, Instant.now());
  }

  /** As a tick at {@code created} would, for workers that run on a test's time. */
  public static void enqueue(
      DataSource store, String channel, List<Notification> notifications, Instant created)
      throws SQLException {
    try (Connection connection = store.getConnection()) {
      new Outbox(store).enqueue(connection, notifications, n -> List.of(channel), created);
    }
  }

  public static Notification down(String daemon, String reason) {
    return notification(NotificationKind.DOWN, daemon, reason);
  }

  public static Notification recovered(String daemon) {
    return notification(NotificationKind.RECOVERED, daemon, "heartbeat");
  }

  public static Notification notification(NotificationKind kind, String daemon, String reason) {
    long sequence = SEQUENCE.incrementAndGet();
    Instant at = Instant.now();
    boolean down = kind != NotificationKind.RECOVERED;
    return new Notification(
        "n" + sequence + "-1",
        kind,
        DaemonName.of(daemon),
        down ? DaemonState.UP : DaemonState.DOWN,
        down ? DaemonState.DOWN : DaemonState.UP,
        at,
        at.minusSeconds(300),
        reason,
        "registry",
        sequence);
  }
}
