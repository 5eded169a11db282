package dev.ghost.gateway.query;

import dev.ghost.gateway.snapshot.EventView;
import java.util.List;

/**
 * One daemon, for {@code GET /api/v1/daemons/{name}} and the MCP tool get_daemon.
 *
 * @param availability24h the share of the last 24 h the daemon was UP (0..1), or null when the
 *     gateway saw it neither UP nor DOWN in that window
 * @param transitions its last 20 transitions, oldest first
 */
public record DaemonDetail(
    String name,
    String state,
    String since,
    String reason,
    String source,
    String lastSeen,
    Double availability24h,
    Double availability7d,
    List<EventView> transitions) {}
