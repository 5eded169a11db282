package dev.ghost.gateway.delivery.slack;

import java.time.Instant;

/** Text as Slack's mrkdwn needs it. */
final class SlackText {

  private SlackText() {}

  /**
   * Escapes the three characters Slack reads as markup, so text from a daemon, a registry or a
   * request can never become a mention ({@code <!channel>}), a link or a user ping.
   */
  static String escape(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 8);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A time every reader sees in their own time zone, with UTC as the fallback text. */
  static String time(Instant at) {
    return "<!date^"
        + at.getEpochSecond()
        + "^{date_short_pretty} {time_secs}|"
        + at.toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z")
        + ">";
  }

  /**
   * At most {@code max} characters, ending in "…" when cut. Text here is already escaped, so the
   * cut never splits an entity ({@code &amp;}, {@code &lt;}, {@code &gt;}), a {@code <...>} of
   * Slack's own markup or a surrogate pair: Slack would show half of one as garbage.
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    int entity = text.lastIndexOf('&', end - 1);
    if (entity >= 0 && text.indexOf(';', entity) >= end) {
      end = entity;
    }
    int markup = text.lastIndexOf('<', end - 1);
    if (markup >= 0 && text.indexOf('>', markup) >= end) {
      end = markup;
    }
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
