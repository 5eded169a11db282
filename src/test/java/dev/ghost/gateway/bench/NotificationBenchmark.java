package dev.ghost.gateway.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * From a fail POST (and from a recovering heartbeat) to the signed webhook's request arriving at a
 * local receiver, through the packaged gateway: HTTP in, the snapshot, the event and the outbox
 * entry committed to SQLite, then the send. One change at a time, group-window 0, over a fleet of
 * {@value #FLEET} daemons. The reference is a bare POST from this client to the same receiver.
 *
 * <p>Usage: {@code NotificationBenchmark <quarkus-run.jar> <changes> <port> [java [flags...]]}: the
 * gateway runs on the given JVM and flags (bench/run.sh measures the plain jar on the default Java
 * and the configuration deploy/Dockerfile.jvm ships), else on {@code java}.
 */
public final class NotificationBenchmark {

  private static final String WRITE_TOKEN = "bench-write-token-0123456789";

  /** The fleet the target names; each daemon fails and recovers again and again. */
  private static final int FLEET = 50;

  /**
   * Rounds before the one measured as a running gateway's: in the second round the JIT still
   * compiled some 200 methods a second (-Xlog:jit+compilation), and the p50 after four rounds was
   * half the second round's. The second round is reported too, as what a gateway that has just
   * started does.
   */
  private static final int WARM_ROUNDS = 8;

  private static final MediaType JSON = MediaType.get("application/json");

  private NotificationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int changes = Integer.parseInt(args[1]);
    int port = Integer.parseInt(args[2]);
    List<String> java = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("java");
    Receiver receiver = new Receiver();
    Path dataDir = ScratchDirs.create("notify-bench");
    // Each daemon changes many times a minute here; flap detection would rightly quiet it.
    Process gateway =
        startGateway(
            java,
            jar,
            dataDir,
            port,
            receiver.hook(),
            Map.of("GATEWAY_ALERT_FLAP_CHANGES", Integer.toString(Integer.MAX_VALUE)));
    OkHttpClient client = new OkHttpClient();
    String base = "http://127.0.0.1:" + port;
    try {
      awaitReady(client, base);
      int passes = Math.max(1, changes / (2 * FLEET));
      long[][] first = round(client, base, "bench-", FLEET, passes, receiver);
      long[][] warming = round(client, base, "bench-", FLEET, passes, receiver);
      for (int round = 2; round < WARM_ROUNDS; round++) {
        round(client, base, "bench-", FLEET, passes, receiver);
      }
      long[][] steady = round(client, base, "bench-", FLEET, passes, receiver);
      long[] reference = reference(client, receiver.hook(), changes);
      System.out.printf(
          "notification latency, %d daemons, %d downs and %d recoveries a round, one at a time,"
              + " group-window 0%n",
          FLEET, steady[0].length, steady[1].length);
      System.out.printf(
          "%-48s %.2f ms, the first recovery %.2f ms%n",
          "the first notification after the start: down", first[0][0] / 1e6, first[1][0] / 1e6);
      Percentiles.report("round 2, JIT warming: fail POST -> webhook", warming[0], reference);
      Percentiles.report("round 2, JIT warming: heartbeat -> recovery", warming[1], reference);
      Percentiles.report(
          "after " + WARM_ROUNDS + " rounds: fail POST -> webhook", steady[0], reference);
      Percentiles.report(
          "after " + WARM_ROUNDS + " rounds: heartbeat -> recovery", steady[1], reference);
      Percentiles.report("reference: bare POST to the receiver", reference, reference);
      System.out.printf(
          "outbox rows sent: %d (every one written before its send)%n", sentRows(dataDir));
    } finally {
      gateway.destroy();
      gateway.waitFor(15, TimeUnit.SECONDS);
      receiver.close();
    }
  }

  /**
   * A webhook receiver that notes when each notification ({@code daemon:type}) arrived, and answers
   * at once.
   */
  static final class Receiver implements AutoCloseable {
    private final BlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final HttpServer server;

    Receiver() throws IOException {
      // The JDK server leaves Nagle on by default; a receiver worth the name answers at once.
      System.setProperty("sun.net.httpserver.nodelay", "true");
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            long now = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
              body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            String key = field(body, "daemon") + ":" + field(body, "type");
            arrivedAt.put(key, now);
            arrivals.offer(key);
          });
      server.start();
    }

    String hook() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  static Process startGateway(
      List<String> java, Path jar, Path dataDir, int port, String hook, Map<String, String> extra)
      throws IOException {
    List<String> command = new ArrayList<>(java);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("gateway.out").toFile());
    Map<String, String> env = builder.environment();
    env.put("GATEWAY_DATA_DIR", dataDir.toString());
    env.put("GATEWAY_AUTH_TOKENS", "write:" + WRITE_TOKEN);
    env.put("GATEWAY_WEBHOOK_URL", hook);
    env.put("GATEWAY_WEBHOOK_SECRET", "bench-signing-secret");
    env.put("GATEWAY_ALERT_GROUP_WINDOW", "0s");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_LOG_LEVEL", "WARN");
    env.putAll(extra);
    return builder.start();
  }

  /**
   * Each daemon appears first (no message; one already up stays so), then, {@code passes} times
   * over the fleet, fails and recovers: two changes a pass, under the default flapping threshold of
   * four with one pass.
   *
   * @return the down latencies and the recovery latencies
   */
  static long[][] round(
      OkHttpClient client, String base, String prefix, int daemons, int passes, Receiver receiver)
      throws Exception {
    for (int i = 0; i < daemons; i++) {
      post(client, base + "/api/v1/daemons/" + prefix + i + "/heartbeat", "{\"ttl\":\"1h\"}");
    }
    long[] downs = new long[daemons * passes];
    long[] ups = new long[daemons * passes];
    for (int n = 0; n < daemons * passes; n++) {
      String name = prefix + n % daemons;
      String daemon = base + "/api/v1/daemons/" + name;
      downs[n] = measure(client, daemon + "/fail", name + ":down", receiver);
      ups[n] = measure(client, daemon + "/heartbeat", name + ":recovered", receiver);
    }
    return new long[][] {downs, ups};
  }

  /** Sends the signal and waits for the receiver to see its notification; nanoseconds between. */
  private static long measure(OkHttpClient client, String url, String expected, Receiver receiver)
      throws Exception {
    long start = System.nanoTime();
    post(client, url, "{}");
    while (true) {
      String key = receiver.arrivals.poll(10, TimeUnit.SECONDS);
      if (key == null) {
        throw new IllegalStateException("no notification for " + expected);
      }
      if (key.equals(expected)) {
        return receiver.arrivedAt.get(key) - start;
      }
    }
  }

  /** Bare POSTs to the receiver, after the measured runs, so the client is as warm for them. */
  static long[] reference(OkHttpClient client, String hook, int runs) throws Exception {
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      try (Response response =
          client
              .newCall(new Request.Builder().url(hook).post(RequestBody.create("{}", JSON)).build())
              .execute()) {
        nanos[i] = System.nanoTime() - start;
      }
    }
    return nanos;
  }

  private static void post(OkHttpClient client, String url, String body) throws Exception {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + WRITE_TOKEN)
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = client.newCall(request).execute()) {
      if (response.code() != 202) {
        throw new IllegalStateException(url + " answered " + response.code());
      }
    }
  }

  static void awaitReady(OkHttpClient client, String base) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (Response ready =
          client.newCall(new Request.Builder().url(base + "/q/health/ready").build()).execute()) {
        if (ready.code() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the gateway did not become ready");
  }

  private static long sentRows(Path dataDir) throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gateway.db"));
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery("SELECT COUNT(*) FROM outbox WHERE state = 'sent'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A string field of the flat webhook payload, without a JSON parser in the receiver's path. */
  private static String field(String json, String name) {
    String marker = "\"" + name + "\":\"";
    int start = json.indexOf(marker);
    if (start < 0) {
      return "";
    }
    start += marker.length();
    return json.substring(start, json.indexOf('"', start));
  }
}
