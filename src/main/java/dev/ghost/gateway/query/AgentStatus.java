package dev.ghost.gateway.query;

import dev.ghost.gateway.domain.Counts;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.DurationWords;
import dev.ghost.gateway.domain.Freshness;
import dev.ghost.gateway.domain.Health;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to "is anything down, since when, why?", shaped for a model to read: a verdict, one
 * sentence, the down daemons with durations in words, and a capped list of the rest. Always far
 * under 100,000 characters, whatever the number of daemons.
 *
 * @param indicator operational, degraded, major_outage or unknown, as a Statuspage summary says
 * @param summary one English sentence of at most 300 characters
 * @param stale true when the last snapshot is older than three ticks: do not read it as current
 * @param daemons name, state and since of every daemon, at most {@value #MAX_DAEMONS}
 * @param truncated true when {@code daemons} was cut at {@value #MAX_DAEMONS}
 */
@Schema(description = "Is anything down, since when, why: the verdict, one sentence and the lists.")
public record AgentStatus(
    @Schema(
            required = true,
            enumeration = {"operational", "degraded", "major_outage", "unknown"},
            description =
                "operational: all up; degraded: some down or not known; major_outage: half or"
                    + " more down; unknown: nothing watched or known yet.")
        String indicator,
    @Schema(
            required = true,
            maxLength = MAX_SUMMARY,
            description = "One English sentence naming what is down, since when and why.")
        String summary,
    @Schema(required = true, format = "date-time", description = "When the snapshot was taken.")
        String updatedAt,
    @Schema(
            required = true,
            description =
                "True when the snapshot is older than three ticks: do not take it as the present.")
        boolean stale,
    @Schema(required = true, description = "Daemons per state.") Counts counts,
    @Schema(required = true, description = "The daemons that are down, at most 200.")
        List<Down> down,
    @Schema(required = true, description = "Every daemon's state, at most 200.")
        List<Entry> daemons,
    @Schema(required = true, description = "True when daemons was cut at 200.") boolean truncated) {

  static final int MAX_DAEMONS = 200;
  static final int MAX_DOWN = 200;
  static final int MAX_SUMMARY = 300;

  /** A daemon that is down. */
  @Schema(description = "A daemon that is down.")
  public record Down(
      @Schema(required = true, description = "The daemon's name.", example = "patch-executor")
          String name,
      @Schema(required = true, format = "date-time", description = "Down since.") String since,
      @Schema(required = true, description = "How long, in words.", example = "12 min")
          String duration,
      @Schema(required = true, description = "Why, as the daemon or probe said (untrusted text).")
          String reason) {}

  /** A daemon in the full list. */
  @Schema(description = "A daemon and its state.")
  public record Entry(
      @Schema(required = true, description = "The daemon's name.") String name,
      @Schema(
              required = true,
              enumeration = {"up", "down", "unknown"},
              description = "Its state now.")
          String state,
      @Schema(required = true, format = "date-time", description = "In this state since.")
          String since) {}

  /** Only the daemons that are down. */
  @Schema(description = "The daemons that are down.")
  public record DownList(
      @Schema(required = true, description = "Down daemons, in name order.") List<Down> down) {}

  public static AgentStatus of(Snapshot snapshot, Instant now, Freshness freshness) {
    Counts counts = snapshot.counts();
    boolean stale = freshness.isStale(snapshot.takenAt(), now);
    List<Down> down = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    for (DaemonStatus status : snapshot.daemons().values()) {
      if (status.state() == DaemonState.DOWN && down.size() < MAX_DOWN) {
        down.add(
            new Down(
                status.name().value(),
                Timestamps.format(status.since()),
                DurationWords.of(Duration.between(status.since(), now)),
                status.reason()));
      }
      if (entries.size() < MAX_DAEMONS) {
        entries.add(
            new Entry(
                status.name().value(), status.state().wire(), Timestamps.format(status.since())));
      }
    }
    return new AgentStatus(
        Health.of(counts).wire(),
        summary(snapshot, counts, down, stale, now),
        Timestamps.format(snapshot.takenAt()),
        stale,
        counts,
        down,
        entries,
        snapshot.daemons().size() > MAX_DAEMONS);
  }

  /**
   * "2 of 14 daemons are down: patch-executor for 12 min (no heartbeat for 720 s), ghost-bridge for
   * 3 min (HTTP 503)." Down daemons are named until the sentence would pass 300 characters, then
   * counted ("and 5 more").
   */
  static String summary(
      Snapshot snapshot, Counts counts, List<Down> down, boolean stale, Instant now) {
    int total = snapshot.daemons().size();
    String prefix =
        stale
            ? "Stale: the last snapshot is "
                + DurationWords.of(Duration.between(snapshot.takenAt(), now))
                + " old. "
            : "";
    int unknown = counts.unknown();
    String unknownNote = unknown == 0 ? "" : " " + unknown + " not known yet.";
    if (total == 0) {
      return prefix + "No daemons are watched yet.";
    }
    int downCount = counts.down();
    if (downCount == 0) {
      String upNote =
          unknown == 0
              ? (total == 1 ? "The 1 daemon is up." : "All " + total + " daemons are up.")
              : ofTotal(counts.up(), total) + " up;";
      return cut(prefix + upNote + unknownNote);
    }
    String head = prefix + ofTotal(downCount, total) + " down: ";
    StringBuilder sentence = new StringBuilder(head);
    int named = 0;
    for (Down d : down) {
      String part =
          (named == 0 ? "" : ", ") + d.name() + " for " + d.duration() + " (" + d.reason() + ")";
      String rest = " and " + (downCount - named - 1) + " more." + unknownNote;
      if (sentence.length() + part.length() + rest.length() > MAX_SUMMARY && named > 0) {
        break;
      }
      sentence.append(part);
      named++;
    }
    sentence.append(named < downCount ? " and " + (downCount - named) + " more." : ".");
    return cut(sentence + unknownNote);
  }

  /**
   * "1 of 4 daemons is", "2 of 4 daemons are", "1 of 1 daemon is": the verb agrees with the count.
   */
  private static String ofTotal(int count, int total) {
    return count
        + " of "
        + total
        + (total == 1 ? " daemon" : " daemons")
        + (count == 1 ? " is" : " are");
  }

  /** A reason can be long; the sentence never is. */
  private static String cut(String sentence) {
    return sentence.length() <= MAX_SUMMARY
        ? sentence
        : sentence.substring(0, MAX_SUMMARY - 3) + "...";
  }
}
