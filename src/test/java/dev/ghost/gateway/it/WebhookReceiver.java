package dev.ghost.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A signed-webhook receiver on loopback for the packaged-jar tests: answers every POST with the
 * status it is told, and counts each notification id it accepted, so "arrived exactly once" is a
 * count, and notes when each arrived.
 */
final class WebhookReceiver implements AutoCloseable {

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final String path;
  private final AtomicInteger answer = new AtomicInteger(200);
  private final List<String> attempts = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
  private final Map<String, Long> arrivedNanos = new ConcurrentHashMap<>();
  private final Map<String, String> whatArrived = new ConcurrentHashMap<>();

  WebhookReceiver(String path) throws IOException {
    this.path = path;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        path,
        exchange -> {
          long arrived = System.nanoTime();
          JsonNode body;
          try (InputStream in = exchange.getRequestBody()) {
            body = json.readTree(in.readAllBytes());
          }
          String id = body.get("id").asText();
          int status = answer.get();
          attempts.add(id);
          if (status < 300) {
            delivered.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            arrivedNanos.putIfAbsent(id, arrived);
            whatArrived.put(id, body.get("type").asText() + ":" + body.path("daemon").asText());
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The status every POST gets from now on. */
  void answer(int status) {
    answer.set(status);
  }

  /** Every id POSTed, accepted or not, in order. */
  List<String> attempts() {
    return attempts;
  }

  /** How many times {@code id} was accepted. */
  int deliveries(String id) {
    AtomicInteger count = delivered.get(id);
    return count == null ? 0 : count.get();
  }

  Map<String, AtomicInteger> delivered() {
    return delivered;
  }

  /** The id of an accepted notification of {@code type} about {@code daemon}, or null. */
  String idOf(String type, String daemon) {
    String what = type + ":" + daemon;
    return whatArrived.entrySet().stream()
        .filter(entry -> entry.getValue().equals(what))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /** When {@code id} was first accepted ({@link System#nanoTime}), or null. */
  Long arrivedNanos(String id) {
    return arrivedNanos.get(id);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
