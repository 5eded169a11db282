package dev.ghost.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged jar on one real PostgreSQL: one leads and sends, the other serves
 * the same documents and passes signals on; a leader killed with notifications pending is replaced
 * within its lease and every pending notification arrives once; a leader stopped cleanly hands over
 * at once.
 */
class ClusterIT {

  private static final String SECRET_PATH = "/relay/s3cretClusterPath8d2e";
  private static final String SIGNING_SECRET = "s3cretClusterKey90ab";
  private static final String PASSWORD = "s3cretClusterPgPassword";
  private static final String WRITE = "it-write-token-0123456789";
  private static final String ADMIN = "it-admin-token-0123456789";
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Instance> instances = new ArrayList<>();
  private EmbeddedPostgres postgres;
  private WebhookReceiver receiver;

  /** One gateway process. */
  private record Instance(String node, int port, Path dataDir, Path log, Process process) {}

  @BeforeEach
  void start() throws IOException {
    postgres = startPostgres(0);
    receiver = new WebhookReceiver(SECRET_PATH);
  }

  @AfterEach
  void stop() throws Exception {
    for (Instance instance : instances) {
      instance.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    receiver.close();
    postgres.close();
  }

  @Test
  void aFollowerServesTheLeadersDocumentAndPassesSignalsOnToBeSentOnce() throws Exception {
    Instance a = launch("node-a", Map.of());
    awaitRole(a, "leader");
    Instance b = launch("node-b", Map.of());
    awaitRole(b, "follower");

    // No tokens configured: the first instance's generated token is every instance's.
    String token = Files.readString(a.dataDir().resolve("admin.token")).strip();
    assertEquals(token, Files.readString(b.dataDir().resolve("admin.token")).strip());

    // The follower's event stream tells the leader's events as they are stored.
    List<String> streamed = new CopyOnWriteArrayList<>();
    client
        .sendAsync(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + b.port() + "/api/v1/events/stream"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> response.body().forEach(streamed::add));

    LocalHttp.post(b.port(), "/api/v1/daemons/far-daemon/heartbeat", token);
    LocalHttp.post(b.port(), "/api/v1/daemons/far-daemon/fail", token);
    LocalHttp.await(
        () -> receiver.idOf("down", "far-daemon") != null, MINUTE, "the leader sent the down");
    LocalHttp.await(
        () ->
            streamed.stream()
                .anyMatch(line -> line.contains("\"far-daemon\"") && line.contains("\"down\"")),
        MINUTE,
        "the follower streamed the down");

    // Both serve the leader's document: the same bytes under the same ETag.
    LocalHttp.await(
        () -> {
          HttpResponse<String> fromA = get(a, "/ghost/status.json");
          HttpResponse<String> fromB = get(b, "/ghost/status.json");
          return fromA.body().equals(fromB.body())
              && fromA.headers().firstValue("ETag").equals(fromB.headers().firstValue("ETag"))
              && fromB.body().contains("\"far-daemon\"");
        },
        MINUTE,
        "the follower serves the leader's status.json");
    JsonNode cluster = json.readTree(get(b, "/ghost/status.json").body()).get("cluster");
    assertEquals("node-a", cluster.get("leader").asText());
    assertEquals("leader", cluster.get("role").asText());
    assertEquals("down", daemonState(b, "far-daemon", token));
    assertTrue(get(a, "/q/metrics").body().contains("gateway_cluster_leader 1.0"));
    assertTrue(get(b, "/q/metrics").body().contains("gateway_cluster_leader 0.0"));

    // Every pending notification is sent, so no second copy can come: each arrived once.
    LocalHttp.await(() -> pending(b).isEmpty(), MINUTE, "nothing left to send");
    receiver.delivered().forEach((id, count) -> assertEquals(1, count.get(), id));
    for (Instance instance : instances) {
      String log = Files.readString(instance.log());
      assertFalse(log.contains(PASSWORD) || log.contains("s3cret"), "a secret reached the log");
    }
  }

  @Test
  void aKilledLeaderIsReplacedWithinItsLeaseAndWhatWasPendingArrivesOnce() throws Exception {
    receiver.answer(503);
    Instance a = launch("node-a", Map.of("GATEWAY_AUTH_TOKENS", tokens()));
    awaitRole(a, "leader");
    Instance b = launch("node-b", Map.of("GATEWAY_AUTH_TOKENS", tokens()));
    awaitRole(b, "follower");
    for (int i = 0; i < 5; i++) {
      LocalHttp.post(b.port(), "/api/v1/daemons/kill-" + i + "/fail", WRITE);
    }
    LocalHttp.await(() -> pending(b).size() == 6, MINUTE, "a summary and five downs pending");
    LocalHttp.await(() -> !receiver.attempts().isEmpty(), MINUTE, "the receiver refused one");
    Set<String> pending = pending(b);

    long killed = System.nanoTime();
    a.process().destroyForcibly();
    receiver.answer(200);
    LocalHttp.await(() -> "leader".equals(role(b)), MINUTE, "the follower took over");
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
    assertTrue(takeover.compareTo(Duration.ofSeconds(6)) < 0, "took over in " + takeover);

    LocalHttp.await(() -> pending(b).isEmpty(), MINUTE, "the new leader sent what was pending");
    pending.forEach(id -> assertEquals(1, receiver.deliveries(id), id + " arrived once"));

    // The new leader continues the event sequence: no gap, no repeat.
    LocalHttp.post(b.port(), "/api/v1/daemons/after-takeover/fail", WRITE);
    LocalHttp.await(
        () -> receiver.idOf("down", "after-takeover") != null, MINUTE, "the new leader sends");
    List<Long> seqs = new ArrayList<>();
    json.readTree(get(b, "/api/v1/events?limit=500").body())
        .get("events")
        .forEach(event -> seqs.add(event.get("seq").asLong()));
    for (int i = 0; i < seqs.size(); i++) {
      assertEquals(i + 1, seqs.get(i), "event numbers " + seqs);
    }
    assertTrue(Files.readString(b.log()).contains("node-b leads"), "the console says who leads");
  }

  @Test
  void aLeaderStoppedCleanlyHandsOverAtOnce() throws Exception {
    // A lease far longer than the handover may take: only a handover explains a quick takeover.
    Map<String, String> longLease =
        Map.of("GATEWAY_AUTH_TOKENS", tokens(), "GATEWAY_CLUSTER_LEASE", "30s");
    Instance a = launch("node-a", longLease);
    awaitRole(a, "leader");
    Instance b = launch("node-b", longLease);
    awaitRole(b, "follower");

    long terminated = System.nanoTime();
    a.process().destroy();
    LocalHttp.await(() -> "leader".equals(role(b)), MINUTE, "the follower took over");
    Duration handover = Duration.ofNanos(System.nanoTime() - terminated);
    assertTrue(handover.compareTo(Duration.ofSeconds(10)) < 0, "handed over in " + handover);
    assertTrue(a.process().waitFor(20, TimeUnit.SECONDS));
    assertTrue(Files.readString(a.log()).contains("handed the lease over"));

    LocalHttp.post(b.port(), "/api/v1/daemons/handed-over/fail", WRITE);
    LocalHttp.await(
        () -> receiver.idOf("down", "handed-over") != null, MINUTE, "the new leader sends");
  }

  @Test
  void whileTheStoreIsAwayTheLeaderSendsNothingAndAfterwardsNothingIsLost() throws Exception {
    Instance a = launch("node-a", Map.of("GATEWAY_AUTH_TOKENS", tokens()));
    awaitRole(a, "leader");
    LocalHttp.await(() -> pending(a).isEmpty(), MINUTE, "the start summary was sent");
    receiver.answer(503);
    LocalHttp.post(a.port(), "/api/v1/daemons/before-outage/fail", WRITE);
    LocalHttp.await(() -> pending(a).size() == 1, MINUTE, "the down is pending");

    int port = postgres.getPort();
    postgres.close();
    LocalHttp.await(
        () -> {
          String ready = get(a, "/q/health/ready").body();
          return ready.contains("\"role\": \"follower\"")
              && ready.contains("the store cannot be reached");
        },
        MINUTE,
        "readiness says the leader cannot prove its lease");
    assertEquals(503, LocalHttp.status(a.port(), "/q/health/ready"));
    HttpResponse<String> refused =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + a.port() + "/api/v1/daemons/lost/fail"))
                .header("Authorization", "Bearer " + WRITE)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(503, refused.statusCode(), "a signal the store cannot take is refused, not lost");
    assertTrue(refused.body().contains("nothing was recorded"), refused.body());

    receiver.answer(200);
    postgres = startPostgres(port);
    awaitRole(a, "leader");
    LocalHttp.await(() -> pending(a).isEmpty(), MINUTE, "the pending down was sent");
    assertEquals(1, receiver.deliveries(receiver.idOf("down", "before-outage")));
    assertTrue(Files.readString(a.log()).contains("no longer leads and sends nothing"));
  }

  /** PostgreSQL in a directory it keeps, so that it can be stopped and started again. */
  private EmbeddedPostgres startPostgres(int port) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("postgres"))
            .setCleanDataDirectory(false);
    return (port == 0 ? builder : builder.setPort(port)).start();
  }

  private static String tokens() {
    return "write:" + WRITE + ",admin:" + ADMIN;
  }

  private Instance launch(String node, Map<String, String> extra) throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve(node));
    Path log = dir.resolve(node + ".log");
    int port = LocalHttp.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("GATEWAY_DATA_DIR", dataDir.toString());
    env.put("GATEWAY_STORE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
    env.put("GATEWAY_STORE_USERNAME", "postgres");
    env.put("GATEWAY_STORE_PASSWORD", PASSWORD);
    env.put("GATEWAY_WEBHOOK_URL", receiver.url());
    env.put("GATEWAY_WEBHOOK_SECRET", SIGNING_SECRET);
    env.put("GATEWAY_ALERT_GROUP_WINDOW", "0s");
    env.put("GATEWAY_CLUSTER_NODE", node);
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.putAll(extra);
    Instance instance = new Instance(node, port, dataDir, log, LocalHttp.launch(env, log));
    instances.add(instance);
    LocalHttp.await(
        () -> LocalHttp.status(port, "/q/health/ready") == 200, MINUTE, node + " is ready");
    return instance;
  }

  private void awaitRole(Instance instance, String role) throws Exception {
    try {
      LocalHttp.await(() -> role.equals(role(instance)), MINUTE, instance.node() + " is " + role);
    } catch (AssertionError notSo) {
      String log = Files.readString(instance.log());
      throw new AssertionError(
          notSo.getMessage()
              + "; readiness: "
              + get(instance, "/q/health/ready").body()
              + "; log:\n"
              + log.substring(Math.max(0, log.length() - 4000)),
          notSo);
    }
  }

  /** The role readiness reports, or null while it reports none. */
  private String role(Instance instance) {
    try {
      for (JsonNode check : json.readTree(get(instance, "/q/health/ready").body()).get("checks")) {
        if (check.path("data").has("role")) {
          return check.get("data").get("role").asText();
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private String daemonState(Instance instance, String daemon, String token) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + instance.port() + "/api/v1/daemons/" + daemon))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body()).get("state").asText();
  }

  /** Notification ids pending in the shared outbox, as an instance's admin API tells them. */
  private static Set<String> pending(Instance instance) {
    try {
      return LocalHttp.pendingIds(instance.port(), token(instance));
    } catch (IOException e) {
      return LocalHttp.NOT_ANSWERED;
    }
  }

  /** The admin token: the configured one, or the one the cluster generated. */
  private static String token(Instance instance) throws IOException {
    Path generated = instance.dataDir().resolve("admin.token");
    return Files.exists(generated) ? Files.readString(generated).strip() : ADMIN;
  }

  private HttpResponse<String> get(Instance instance, String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
              .header("Authorization", "Bearer " + token(instance))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
