package dev.ghost.gateway.signal;

import dev.ghost.gateway.alert.Glob;
import dev.ghost.gateway.domain.Durations;
import dev.ghost.gateway.domain.Text;
import dev.ghost.gateway.query.QueryRefused;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A silence as asked for, checked: the same rules whether it comes over REST or MCP. Bad values are
 * refused with words that say what to send instead.
 *
 * @param match a daemon name or a glob ({@code ghost-*})
 * @param reason why, for whoever reads the list later
 * @param createdBy who asked (a Slack user), or null for an admin token
 */
public record SilenceRequest(Glob match, Instant until, String reason, String createdBy) {

  /** The longest silence: longer ones are forgotten, not deliberate. */
  public static final Duration LONGEST = Duration.ofDays(30);

  /** A reason is a line to read, not a document. */
  public static final int MAX_REASON = Text.MAX_MESSAGE;

  /**
   * @param duration "for": how long, like "2h"; or null when {@code until} is given
   * @param until an ISO-8601 UTC end; or null when {@code duration} is given
   */
  public static SilenceRequest parse(
      String match, String duration, String until, String reason, Instant now) {
    Glob glob = match(match);
    Instant end = until(duration, until, now);
    return new SilenceRequest(glob, end, reason(reason), null);
  }

  /** The same request, made by {@code author} (a Slack user, as {@code @name}). */
  public SilenceRequest by(String author) {
    return new SilenceRequest(match, until, reason, author);
  }

  private static Glob match(String match) {
    if (match == null || !match.matches("[A-Za-z0-9._*?-]{1,64}")) {
      throw bad(
          "\"match\" must be a daemon name or a glob of 1 to 64 characters from [A-Za-z0-9._-]"
              + " with * and ?, like \"ghost-*\"");
    }
    // A silence of every daemon would quiet the gateway's only alarm by a typo; name what to
    // quiet, even if it is a prefix every daemon shares.
    if (match.chars().allMatch(c -> c == '*' || c == '?')) {
      throw bad(
          "\"match\" must name at least one character of a daemon name, like \"ghost-*\";"
              + " a silence of every daemon is refused");
    }
    return Glob.of(match);
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw bad("\"reason\" is required: say why, like \"deploy of ghost-bridge 2.4\"");
    }
    if (reason.length() > MAX_REASON) {
      throw bad("\"reason\" is " + reason.length() + " characters; the limit is " + MAX_REASON);
    }
    return Text.message(reason);
  }

  private static Instant until(String duration, String until, Instant now) {
    if ((until == null) == (duration == null)) {
      throw bad("give exactly one of \"for\" (like \"2h\") or \"until\" (ISO-8601 UTC)");
    }
    Instant end;
    if (duration != null) {
      Duration length = Durations.parse(duration);
      if (length == null) {
        throw bad("\"for\" must be a duration like \"30m\", \"2h\" or \"PT2H\"");
      }
      end = now.plus(length);
    } else {
      try {
        end = Instant.parse(until);
      } catch (DateTimeParseException e) {
        throw bad("\"until\" must be an ISO-8601 UTC time like \"2026-11-28T18:00:00Z\"");
      }
    }
    if (!end.isAfter(now) || end.isAfter(now.plus(LONGEST))) {
      throw bad("a silence must end in the future and within 30 days");
    }
    return end;
  }

  private static QueryRefused bad(String detail) {
    return new QueryRefused(QueryRefused.Reason.BAD_ARGUMENT, detail);
  }
}
