package dev.ghost.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.query.StatusQueries;
import dev.ghost.gateway.snapshot.EventView;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/v1/events/stream}: Server-Sent Events, one per transition, with {@code id} = the
 * event's sequence number. A client that reconnects with {@code Last-Event-ID} (or {@code ?after=})
 * gets every event after it, exactly once: each stream reads the event log after the last event it
 * sent, both to catch up and, poked by the {@link dev.ghost.gateway.snapshot.EventFeed}, to follow.
 * Comments every {@code gateway.stream-heartbeat} keep proxies from closing an idle stream.
 */
@ApplicationScoped
public class EventStreamRoute {

  static final String PATH = "/api/v1/events/stream";
  private static final Logger LOG = Logger.getLogger(EventStreamRoute.class.getName());
  private static final int PAGE = 500;

  @Inject StatusQueries queries;
  @Inject GatewayConfig config;
  @Inject RouteGuard guard;
  @Inject ObjectMapper json;
  @Inject Vertx vertx;

  void register(@Observes Router router) {
    router.get(PATH).handler(this::open);
  }

  private void open(RoutingContext context) {
    HttpServerResponse response = context.response();
    if (!guard.mayRead(context)) {
      return;
    }
    String resumeFrom = context.request().getHeader("Last-Event-ID");
    if (resumeFrom == null) {
      resumeFrom = context.request().getParam("after");
    }
    long after;
    try {
      after = resumeFrom == null || resumeFrom.isBlank() ? 0 : Long.parseLong(resumeFrom.strip());
      if (after < 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      Problems.write(
          response, json, 400, "Last-Event-ID and after must be a whole number from 0 up", false);
      return;
    }
    response
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.write(": stream of transitions; ids are event sequence numbers\n\n");
    new Stream(vertx.getOrCreateContext(), response, after).start();
  }

  /** One client's stream. Its state is touched only on its Vert.x context. */
  private final class Stream {
    private final Context context;
    private final HttpServerResponse response;
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final AtomicBoolean pokedWhilePumping = new AtomicBoolean();
    private long lastSent;
    private AutoCloseable subscription;
    private long heartbeatTimer;
    private boolean closed;

    Stream(Context context, HttpServerResponse response, long after) {
      this.context = context;
      this.response = response;
      this.lastSent = after;
    }

    void start() {
      subscription = queries.onEvents(() -> context.runOnContext(v -> pump()));
      heartbeatTimer =
          vertx.setPeriodic(
              config.streamHeartbeat().toMillis(),
              id -> context.runOnContext(v -> write(": heartbeat\n\n")));
      response.closeHandler(v -> close());
      response.exceptionHandler(e -> close());
      pump();
    }

    /** Sends everything after {@code lastSent}; a poke during a pump runs one more. */
    private void pump() {
      if (closed) {
        return;
      }
      if (!pumping.compareAndSet(false, true)) {
        pokedWhilePumping.set(true);
        return;
      }
      pokedWhilePumping.set(false);
      long from = lastSent;
      context
          .<List<EventView>>executeBlocking(() -> queries.eventPage(from, PAGE, null).events())
          .onComplete(
              result -> {
                pumping.set(false);
                if (result.failed()) {
                  LOG.log(
                      Level.WARNING,
                      "event stream could not read the event log; closing it",
                      result.cause());
                  response.end();
                  close();
                  return;
                }
                List<EventView> events = result.result();
                events.forEach(this::send);
                if (events.size() == PAGE || pokedWhilePumping.get()) {
                  pump();
                }
              });
    }

    private void send(EventView event) {
      try {
        write(
            "id: "
                + event.seq()
                + "\nevent: transition\ndata: "
                + json.writeValueAsString(event)
                + "\n\n");
        lastSent = event.seq();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("an event view always serializes", e);
      }
    }

    /**
     * A client that cannot keep up is dropped rather than buffered without end; it reconnects with
     * Last-Event-ID and loses nothing.
     */
    private void write(String text) {
      if (closed) {
        return;
      }
      if (response.writeQueueFull()) {
        response.reset();
        close();
        return;
      }
      response.write(text);
    }

    private void close() {
      if (closed) {
        return;
      }
      closed = true;
      vertx.cancelTimer(heartbeatTimer);
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "closing an event stream subscription failed", e);
      }
    }
  }
}
