package dev.ghost.gateway.cluster;

import dev.ghost.gateway.source.DaemonThreads;
import dev.ghost.gateway.time.Ticker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Messages between the instances of one cluster through PostgreSQL's LISTEN/NOTIFY: a signal at a
 * follower wakes the leader at once, a new snapshot wakes the followers. One channel; a message is
 * {@code kind:argument}. NOTIFY is delivered only on commit, so what a message points at is in the
 * store when it arrives.
 *
 * <p>A message sent while this instance was not listening (the store was away) is lost, so every
 * (re)connection calls {@code onListening}, which reads again what messages would have said.
 */
public final class StoreBus implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StoreBus.class.getName());
  private static final String CHANNEL = "ghost_gateway";
  private static final Duration RECONNECT = Duration.ofSeconds(1);
  private static final int POLL_MILLIS = 500;

  /** What a message says. */
  public enum Kind {
    /** A daemon's heartbeat or fail signal is in the store (argument: the daemon). */
    BEAT,
    /** Silences or acknowledgements changed: the leader takes a snapshot. */
    CHANGED,
    /** The outbox has something new: the leader looks at it. */
    DELIVERIES,
    /** Notes were added to the event log: every instance's live readers look. */
    EVENTS,
    /** The leader published a snapshot (argument: its sequence). */
    SNAPSHOT,
    /** The leader gave its lease up: the others try to take it now. */
    RELEASED
  }

  private final DataSource dataSource;
  private final Ticker ticker;
  private final Map<Kind, Consumer<String>> handlers = new EnumMap<>(Kind.class);
  private final Thread thread = DaemonThreads.named("store-bus").newThread(this::listen);
  private final Object pause = new Object();
  private Runnable onListening = () -> {};
  private volatile boolean closing;

  public StoreBus(DataSource dataSource, Ticker ticker) {
    this.dataSource = dataSource;
    this.ticker = ticker;
  }

  /** Called for every message of {@code kind}; set before {@link #start}. */
  public void on(Kind kind, Consumer<String> handler) {
    handlers.merge(kind, handler, Consumer::andThen);
  }

  /** Called each time listening starts, the first time and after every reconnection. */
  public void onListening(Runnable action) {
    this.onListening = action;
  }

  public void start() {
    thread.start();
  }

  /** Sends a message to every instance, this one included. */
  public void send(Kind kind, String argument) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, CHANNEL);
      notify.setString(2, kind.name() + ":" + argument);
      notify.execute();
    }
  }

  private void listen() {
    String lastProblem = null;
    while (!closing) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + CHANNEL);
        }
        if (lastProblem != null) {
          LOG.info("listening to the other instances again");
          lastProblem = null;
        }
        onListening.run();
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (!closing) {
          PGNotification[] arrived = postgres.getNotifications(POLL_MILLIS);
          if (arrived != null) {
            for (PGNotification notification : arrived) {
              dispatch(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!problem.equals(lastProblem) && !closing) {
          LOG.warning("cannot listen to the other instances, trying again each second: " + problem);
          lastProblem = problem;
        }
        if (!pause()) {
          return;
        }
      }
    }
  }

  private void dispatch(String message) {
    int colon = message.indexOf(':');
    Kind kind;
    try {
      kind = Kind.valueOf(colon < 0 ? message : message.substring(0, colon));
    } catch (IllegalArgumentException fromANewerVersion) {
      return;
    }
    Consumer<String> handler = handlers.get(kind);
    if (handler != null) {
      try {
        handler.accept(colon < 0 ? "" : message.substring(colon + 1));
      } catch (RuntimeException e) {
        LOG.warning("cannot handle the message " + kind + ": " + e);
      }
    }
  }

  /** Waits before reconnecting; false once closing. */
  private boolean pause() {
    synchronized (pause) {
      try {
        ticker.await(pause, ticker.now().plus(RECONNECT));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !closing;
  }

  @Override
  public void close() throws InterruptedException {
    closing = true;
    synchronized (pause) {
      pause.notifyAll();
    }
    thread.join(POLL_MILLIS * 4L);
  }
}
