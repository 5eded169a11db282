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
public record AgentStatus(
    String indicator,
    String summary,
    String updatedAt,
    boolean stale,
    Counts counts,
    List<Down> down,
    List<Entry> daemons,
    boolean truncated) {

  static final int MAX_DAEMONS = 200;
  static final int MAX_DOWN = 200;
  static final int MAX_SUMMARY = 300;

  /** A daemon that is down. */
  public record Down(String name, String since, String duration, String reason) {}

  /** A daemon in the full list. */
  public record Entry(String name, String state, String since) {}

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
              ? "All " + total + " daemons are up."
              : counts.up() + " of " + total + " daemons are up;";
      return cut(prefix + upNote + unknownNote);
    }
    String head =
        prefix
            + downCount
            + " of "
            + total
            + (total == 1 ? " daemon is" : " daemons are")
            + " down: ";
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

  /** A reason can be long; the sentence never is. */
  private static String cut(String sentence) {
    return sentence.length() <= MAX_SUMMARY
        ? sentence
        : sentence.substring(0, MAX_SUMMARY - 3) + "...";
  }
}
