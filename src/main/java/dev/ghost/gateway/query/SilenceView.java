package dev.ghost.gateway.query;

import dev.ghost.gateway.alert.Silence;
import dev.ghost.gateway.domain.Timestamps;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A silence as every reader shows it: the REST API, the MCP tools. */
@Schema(description = "A silence: the matching daemons' changes are recorded but not sent.")
public record SilenceView(
    @Schema(required = true, description = "Its id, for deleteSilence.") long id,
    @Schema(required = true, description = "A daemon name or glob.") String match,
    @Schema(required = true, format = "date-time", description = "When it ends.") String until,
    @Schema(required = true, description = "Why.") String reason,
    @Schema(required = true, format = "date-time", description = "When it was made.")
        String createdAt,
    @Schema(
            nullable = true,
            description = "The Slack user who made it; null when made with an admin token.")
        String createdBy) {
  public static SilenceView of(Silence silence) {
    return new SilenceView(
        silence.id(),
        silence.match().pattern(),
        Timestamps.format(silence.until()),
        silence.reason(),
        Timestamps.format(silence.created()),
        silence.createdBy());
  }
}
