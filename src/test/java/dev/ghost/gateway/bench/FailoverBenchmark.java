package dev.ghost.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Two packaged gateways on one PostgreSQL (started here): the latency from a fail POST (and a
 * recovering heartbeat) at the follower to the leader's webhook request, beside the same at the
 * leader and a bare POST; then the takeover after {@code kill -9} of the leader, until the other
 * instance's readiness says it leads, {@code rounds} times (the killed one comes back as follower).
 *
 * <p>Usage: {@code FailoverBenchmark <quarkus-run.jar> <changes> <rounds> <port>}
 */
public final class FailoverBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FailoverBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int daemons = Integer.parseInt(args[1]) / 2;
    int rounds = Integer.parseInt(args[2]);
    int[] ports = {Integer.parseInt(args[3]), Integer.parseInt(args[3]) + 1};
    OkHttpClient client = new OkHttpClient();
    Process[] gateways = new Process[2];
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        NotificationBenchmark.Receiver receiver = new NotificationBenchmark.Receiver()) {
      Map<String, String> store =
          Map.of(
              "GATEWAY_STORE_URL",
              "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
              "GATEWAY_STORE_USERNAME",
              "postgres");
      for (int i = 0; i < 2; i++) {
        gateways[i] = start(jar, ports[i], receiver, store);
        NotificationBenchmark.awaitReady(client, base(ports[i]));
      }
      int leader = awaitLeader(client, ports);
      int follower = 1 - leader;
      NotificationBenchmark.round(client, base(ports[follower]), "warm-", daemons, 1, receiver);
      long[][] atFollower =
          NotificationBenchmark.round(client, base(ports[follower]), "far-", daemons, 1, receiver);
      long[][] atLeader =
          NotificationBenchmark.round(client, base(ports[leader]), "near-", daemons, 1, receiver);
      long[] reference = NotificationBenchmark.reference(client, receiver.hook(), daemons * 2);
      System.out.printf(
          "cluster of 2 on PostgreSQL 14, %d downs and %d recoveries each, group-window 0%n",
          daemons, daemons);
      Percentiles.report("fail POST at the follower -> webhook", atFollower[0], reference);
      Percentiles.report("heartbeat at the follower -> recovery", atFollower[1], reference);
      Percentiles.report("fail POST at the leader -> webhook", atLeader[0], reference);
      Percentiles.report("reference: bare POST to the receiver", reference, reference);

      long[] takeovers = new long[rounds];
      for (int round = 0; round < rounds; round++) {
        leader = awaitLeader(client, ports);
        gateways[leader].destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long killed = System.nanoTime();
        awaitRole(client, ports[1 - leader], "leader");
        takeovers[round] = System.nanoTime() - killed;
        gateways[leader] = start(jar, ports[leader], receiver, store);
        NotificationBenchmark.awaitReady(client, base(ports[leader]));
      }
      Arrays.sort(takeovers);
      System.out.printf(
          "takeover after kill -9 of the leader (lease 5 s), %d rounds: median %.0f ms, max %.0f"
              + " ms%n",
          rounds, takeovers[rounds / 2] / 1e6, takeovers[rounds - 1] / 1e6);
    } finally {
      for (Process gateway : gateways) {
        if (gateway != null) {
          gateway.destroy();
          gateway.waitFor(15, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static Process start(
      Path jar, int port, NotificationBenchmark.Receiver receiver, Map<String, String> store)
      throws IOException {
    Path dataDir = ScratchDirs.create("failover-bench");
    return NotificationBenchmark.startGateway(
        List.of("java"), jar, dataDir, port, receiver.hook(), store);
  }

  private static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  /** Which of the two leads, once one does. */
  private static int awaitLeader(OkHttpClient client, int[] ports) throws Exception {
    while (true) {
      for (int i = 0; i < ports.length; i++) {
        if ("leader".equals(role(client, ports[i]))) {
          return i;
        }
      }
      Thread.sleep(10);
    }
  }

  private static void awaitRole(OkHttpClient client, int port, String role) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!role.equals(role(client, port))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(port + " did not become " + role);
      }
      Thread.sleep(5);
    }
  }

  private static String role(OkHttpClient client, int port) {
    try (Response ready =
        client
            .newCall(new Request.Builder().url(base(port) + "/q/health/ready").build())
            .execute()) {
      for (JsonNode check : JSON.readTree(ready.body().string()).path("checks")) {
        if (check.path("data").has("role")) {
          return check.get("data").get("role").asText();
        }
      }
    } catch (IOException | RuntimeException notAnswering) {
      // starting, or just killed
    }
    return null;
  }
}
