package dev.ghost.gateway.snapshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BetweenSnapshotsTest {

  private final BetweenSnapshots turns = new BetweenSnapshots();
  private final List<String> order = Collections.synchronizedList(new ArrayList<>());

  /**
   * Work asked for during a snapshot runs once it ends, and before the next one, even when the
   * snapshot thread asks for that one at once (a lock that let it barge in would starve the work
   * through a storm of back-to-back snapshots).
   */
  @Test
  void workWaitsForTheSnapshotInProgressAndHasTheTurnBeforeTheNext() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread snapshots =
        new Thread(
            () -> {
              turns.snapshot(
                  () -> {
                    order.add("snapshot 1");
                    firstStarted.countDown();
                    awaitQuietly(release);
                    return order.add("snapshot 1 done");
                  });
              turns.snapshot(() -> order.add("snapshot 2"));
            });
    snapshots.start();
    firstStarted.await();
    Thread work = new Thread(() -> turns.run(() -> order.add("work")));
    work.start();
    // Parked on the turns, or (were there none) already done.
    await().until(() -> work.getState() == Thread.State.WAITING || !work.isAlive());

    release.countDown();
    snapshots.join();
    work.join();

    assertEquals(List.of("snapshot 1", "snapshot 1 done", "work", "snapshot 2"), order);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
