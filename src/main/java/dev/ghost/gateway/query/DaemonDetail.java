package dev.ghost.gateway.query;

import dev.ghost.gateway.snapshot.EventView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One daemon, for {@code GET /api/v1/daemons/{name}} and the MCP tool get_daemon.
 *
 * @param availability24h the share of the last 24 h the daemon was UP (0..1), or null when the
 *     gateway saw it neither UP nor DOWN in that window
 * @param transitions its last 20 transitions, oldest first
 */
@Schema(description = "One daemon: its state, why, its latest changes and its availability.")
public record DaemonDetail(
    @Schema(required = true, description = "The daemon's name.") String name,
    @Schema(
            required = true,
            enumeration = {"up", "down", "unknown"},
            description = "Its state now.")
        String state,
    @Schema(required = true, format = "date-time", description = "In this state since.")
        String since,
    @Schema(required = true, description = "Why, as its source said (untrusted text).")
        String reason,
    @Schema(
            required = true,
            enumeration = {"heartbeat", "registry", "probe", "config"},
            description =
                "Which source told: heartbeats, the registry file, a probe, or the config (a"
                    + " declared daemon nobody reported yet).")
        String source,
    @Schema(
            nullable = true,
            format = "date-time",
            description = "When its source last saw it alive; null when never.")
        String lastSeen,
    @Schema(
            nullable = true,
            minimum = "0",
            maximum = "1",
            description = "Share of the last 24 h it was up; null when never seen up or down.")
        Double availability24h,
    @Schema(
            nullable = true,
            minimum = "0",
            maximum = "1",
            description = "Share of the last 7 days it was up; null when never seen up or down.")
        Double availability7d,
    @Schema(required = true, description = "Its last 20 changes, oldest first.")
        List<EventView> transitions) {}
