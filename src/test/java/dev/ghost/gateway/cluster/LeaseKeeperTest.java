package dev.ghost.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.store.InTransaction;
import dev.ghost.gateway.store.LeaseRow;
import dev.ghost.gateway.testsupport.ManualTicker;
import dev.ghost.gateway.testsupport.PostgresStores;
import dev.ghost.gateway.time.Ticker;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lease on a real PostgreSQL: one instance leads; a leader that stops renewing (a paused
 * process) is replaced once its lease runs out in the database's time, its writes are refused by
 * the fence, it stops acting by its own clock, and it learns it lost; a leader that stops cleanly
 * hands over without the wait.
 */
class LeaseKeeperTest {

  private static final Duration LEASE = Duration.ofSeconds(1);

  private static PostgresStores postgres;
  private static DataSource store;
  private final List<LeaseKeeper> keepers = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresStores.start();
    store = postgres.migrated();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void noOneLeads() throws SQLException {
    try (Connection connection = store.getConnection()) {
      connection
          .createStatement()
          .execute("UPDATE cluster_lease SET holder = NULL, epoch = 0, expires_ms = 0");
    }
  }

  @AfterEach
  void closeKeepers() throws InterruptedException {
    for (LeaseKeeper keeper : keepers) {
      keeper.close();
    }
  }

  /** What one keeper was told. */
  private static final class Told implements LeaseKeeper.Changes {
    final List<String> said = new CopyOnWriteArrayList<>();

    @Override
    public void took(long epoch, String why) {
      said.add("took " + epoch + ": " + why);
    }

    @Override
    public void lost(String why) {
      said.add("lost: " + why);
    }
  }

  @Test
  void aLeaderThatStopsRenewingIsReplacedFencedAndStopsByItsOwnClock() throws Exception {
    // The first keeper's time never moves unless the test moves it: after taking the lease it
    // waits for a renewal time that does not come, as a process paused for a long GC would.
    ManualTicker pausedTime = new ManualTicker();
    Told first = new Told();
    LeaseKeeper paused = keeper("paused", pausedTime, first);
    Awaitility.await().until(paused::leading);
    assertEquals(List.of("took 1: no instance led yet"), first.said);
    assertFence(paused, true);

    Told second = new Told();
    LeaseKeeper next = keeper("next", Ticker.SYSTEM, second);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(next::leading);
    assertEquals(List.of("took 2: the lease of paused ran out"), second.said);
    assertEquals("next", next.view().orElseThrow().leader());

    // The paused leader still believes it leads, but the store refuses its writes...
    assertTrue(paused.leading());
    assertFence(paused, false);
    // ...and once its own clock passes its lease, it acts no more, and its next renewal tells it.
    pausedTime.advance(LEASE);
    assertFalse(paused.leading());
    Awaitility.await().until(() -> first.said.size() == 2);
    assertEquals("lost: another instance took the lease after epoch 1", first.said.get(1));
    assertTrue(next.leading());
  }

  @Test
  void aLeaderThatStopsCleanlyHandsOverWithoutTheWait() throws Exception {
    Duration longLease = Duration.ofMinutes(5);
    Ticker time = Ticker.SYSTEM;
    LeaseKeeper leader = keeper("leader", time, new Told(), longLease);
    Awaitility.await().until(leader::leading);
    Told told = new Told();
    LeaseKeeper follower = keeper("follower", time, told, longLease);
    Awaitility.await().until(() -> "leader".equals(follower.view().orElseThrow().leader()));

    leader.close();
    follower.poke(); // what the RELEASED message does
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(follower::leading);
    assertEquals(List.of("took 2: the last leader handed over"), told.said);
  }

  private LeaseKeeper keeper(String node, Ticker ticker, Told told) {
    return keeper(node, ticker, told, LEASE);
  }

  private LeaseKeeper keeper(String node, Ticker ticker, Told told, Duration lease) {
    LeaseKeeper keeper = new LeaseKeeper(new LeaseRow(store), node, lease, ticker, told);
    keepers.add(keeper);
    keeper.start();
    return keeper;
  }

  /** Runs the keeper's fence in a transaction of its own; it passes or throws. */
  private static void assertFence(LeaseKeeper keeper, boolean passes) throws SQLException {
    InTransaction fence = LeaseRow.fence(keeper.node(), keeper.epoch());
    try (Connection connection = store.getConnection()) {
      connection.setAutoCommit(false);
      if (passes) {
        fence.write(connection);
      } else {
        SQLException refused = assertThrows(SQLException.class, () -> fence.write(connection));
        assertTrue(refused.getMessage().contains("no longer holds the lease"), refused.toString());
      }
      connection.rollback();
    }
  }
}
