package dev.ghost.gateway.query;

import dev.ghost.gateway.alert.Silence;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.OutboxEntry;
import dev.ghost.gateway.store.SilenceStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** What operators read about the sending side: the outbox and the silences in force. */
@Singleton
public class AdminQueries {

  @Inject Outbox outbox;
  @Inject SilenceStore silences;
  @Inject Clock clock;

  /** Outbox entries in one state, newest first. */
  public List<OutboxEntry> deliveries(OutboxEntry.State state, int limit) throws SQLException {
    return outbox.list(state, limit);
  }

  /** Silences that have not ended, oldest first. */
  public List<Silence> silences() throws SQLException {
    return silences.active(clock.instant());
  }
}
