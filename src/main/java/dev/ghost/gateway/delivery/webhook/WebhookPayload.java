package dev.ghost.gateway.delivery.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.Timestamps;

/**
 * The signed webhook's body, version 1. Fields are only ever added; a receiver drops a repeat by
 * {@code id} (delivery is at least once).
 *
 * @param type what happened: down, recovered, flapping, reminder, still_down, removed, summary
 * @param since when the downtime began (ISO-8601 UTC), or null
 * @param sequence the snapshot that decided it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookPayload(
    int version,
    String id,
    String type,
    String daemon,
    String from,
    String to,
    String at,
    String since,
    Long downtimeSeconds,
    String reason,
    String source,
    long sequence) {

  public static final int VERSION = 1;

  public static WebhookPayload of(Notification n) {
    return new WebhookPayload(
        VERSION,
        n.id(),
        n.kind().wire(),
        n.daemon() == null ? null : n.daemon().value(),
        wire(n.from()),
        wire(n.to()),
        Timestamps.format(n.at()),
        n.since() == null ? null : Timestamps.format(n.since()),
        n.downtime() == null ? null : n.downtime().toSeconds(),
        n.reason(),
        n.source(),
        n.sequence());
  }

  private static String wire(DaemonState state) {
    return state == null ? null : state.wire();
  }
}
