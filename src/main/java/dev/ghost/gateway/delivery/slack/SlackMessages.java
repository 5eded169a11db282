package dev.ghost.gateway.delivery.slack;

import static dev.ghost.gateway.delivery.slack.SlackText.escape;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.alert.NotificationKind;
import dev.ghost.gateway.domain.DurationWords;
import dev.ghost.gateway.store.IncidentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Renders notifications as Slack messages. One notification gets a header and fields (daemon,
 * state, since, reason, host); several get one line each, packed into sections. Slack's limits
 * decide where a group must be split: at most 50 blocks, 3,000 characters per section text, and (by
 * Slack's advice) well under 12,000 characters in all.
 */
public final class SlackMessages {

  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION = 3_000;

  /** Below Slack's 12,000 so a message with its fallback text and markup stays clear of it. */
  static final int MAX_TOTAL = 11_000;

  private static final int MAX_HEADER = 150;
  private static final int MAX_FALLBACK = 300;

  /** Header, and the context line with the link to the gateway. */
  private static final int FRAME_BLOCKS = 2;

  private final String host;
  private final String gatewayUrl;

  /**
   * @param gatewayUrl the gateway's public address for the link, or null when it has none
   */
  public SlackMessages(String host, String gatewayUrl) {
    this.host = host;
    this.gatewayUrl = gatewayUrl;
  }

  /** How many notifications from the head of {@code queue} one message can carry. */
  public int fit(List<Notification> queue) {
    Sections sections = new Sections(MAX_HEADER + MAX_FALLBACK + context().length());
    for (int i = 0; i < queue.size(); i++) {
      if (!sections.add(line(queue.get(i)))) {
        return Math.max(1, i);
      }
    }
    return Math.max(1, queue.size());
  }

  /** The message for a batch that {@link #fit} sized. */
  public SlackMessage render(List<Notification> batch) {
    if (batch.size() == 1) {
      return single(batch.get(0));
    }
    Sections sections = new Sections(0);
    batch.forEach(n -> sections.add(line(n)));
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(headline(batch)));
    sections.texts.forEach(text -> blocks.add(section(text.toString())));
    blocks.add(contextBlock());
    return new SlackMessage(fallback(headline(batch), batch), blocks);
  }

  /**
   * Lines packed into section texts, the one rule both {@link #fit} and {@link #render} follow: a
   * line goes into the current section while it stays within {@link #MAX_SECTION}, else it starts
   * the next one.
   */
  private static final class Sections {
    private final List<StringBuilder> texts = new ArrayList<>(List.of(new StringBuilder()));
    private int total;

    Sections(int frame) {
      this.total = frame;
    }

    /** Adds the line; false when the message would break Slack's limits with it. */
    boolean add(String line) {
      StringBuilder current = texts.get(texts.size() - 1);
      if (current.length() > 0 && current.length() + line.length() + 1 > MAX_SECTION) {
        current = new StringBuilder();
        texts.add(current);
      }
      current.append(line).append('\n');
      total += line.length() + 1;
      return texts.size() + FRAME_BLOCKS <= MAX_BLOCKS && total <= MAX_TOTAL;
    }
  }

  /**
   * {@code message} with the buttons people answer an alert with (acknowledge, silence 1 h or 4 h),
   * when it is about one daemon that is down: a grouped message would need a row of buttons per
   * daemon, and an outage of hundreds is answered with a silence of a glob (/ghost silence).
   */
  public SlackMessage withActions(SlackMessage message, List<Notification> batch) {
    if (batch.size() != 1 || !batch.get(0).kind().bad() || batch.get(0).daemon() == null) {
      return message;
    }
    return withActions(message, batch.get(0).subject());
  }

  private static SlackMessage withActions(SlackMessage message, String daemon) {
    List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
    blocks.add(blocks.size() - 1, SlackActions.buttons(daemon));
    return new SlackMessage(message.text(), blocks);
  }

  /** A bot's alert message as it stands: which of its daemons are down, which recovered. */
  public SlackMessage incident(List<IncidentStore.Member> members) {
    long down = members.stream().filter(m -> m.recovered() == null).count();
    String headline;
    if (down == 0) {
      headline = "🟢 Recovered: " + names(members);
    } else if (members.size() == 1) {
      headline = "🔴 " + members.get(0).daemon() + " is down";
    } else {
      headline = "🔴 " + down + " of " + members.size() + " daemons down";
    }
    StringBuilder lines = new StringBuilder();
    for (IncidentStore.Member m : members) {
      String line =
          m.recovered() == null
              ? "🔴 `"
                  + m.daemon()
                  + "` down since "
                  + SlackText.time(m.downAt())
                  + " — "
                  + escape(m.reason())
              : "🟢 `"
                  + m.daemon()
                  + "` recovered after "
                  + DurationWords.of(Duration.between(m.downAt(), m.recovered()));
      if (m.note() != null) {
        line += " · " + escape(m.note());
      }
      if (lines.length() + line.length() + 1 > MAX_SECTION) {
        lines.append("…");
        break;
      }
      lines.append(line).append('\n');
    }
    SlackMessage message =
        new SlackMessage(
            SlackText.cut(escape(headline), MAX_FALLBACK),
            List.of(header(headline), section(lines.toString()), contextBlock()));
    // The buttons stay while the one daemon is down: a silence may still be wanted after an ack.
    return members.size() == 1 && down == 1
        ? withActions(message, members.get(0).daemon())
        : message;
  }

  private SlackMessage single(Notification n) {
    List<TextObject> fields = new ArrayList<>();
    fields.add(field("Daemon", "`" + escape(n.subject()) + "`"));
    fields.add(field("State", state(n)));
    if (n.since() != null) {
      fields.add(
          field(
              n.kind() == NotificationKind.RECOVERED ? "Down since" : "Since",
              SlackText.time(n.since())));
    }
    if (n.downtime() != null && n.kind() != NotificationKind.DOWN) {
      fields.add(field("Downtime", DurationWords.of(n.downtime())));
    }
    if (!n.reason().isEmpty()) {
      fields.add(field("Reason", escape(n.reason())));
    }
    if (!n.source().isEmpty()) {
      fields.add(field("Source", escape(n.source())));
    }
    fields.add(field("Host", escape(host)));
    String headline = headline(List.of(n));
    List<LayoutBlock> blocks =
        List.of(header(headline), SectionBlock.builder().fields(fields).build(), contextBlock());
    return new SlackMessage(fallback(headline, List.of(n)), blocks);
  }

  /** One line per notification in a grouped message. */
  static String line(Notification n) {
    String name = "`" + escape(n.subject()) + "`";
    String reason = n.reason().isEmpty() ? "" : " — " + escape(n.reason());
    return switch (n.kind()) {
      // The message's own time says when: a group's downs happened within its window.
      case DOWN -> "🔴 " + name + " down" + reason;
      case RECOVERED -> "🟢 " + name + " recovered" + downtime(n);
      case FLAPPING -> "🟠 " + name + " is flapping" + reason;
      case REMINDER -> "🔴 " + name + " still down" + downtime(n) + reason;
      case STILL_DOWN -> "🔴 " + name + " still down after its silence" + downtime(n) + reason;
      case REMOVED -> "⚪ " + name + " removed while down" + downtime(n);
      case SUMMARY -> "ℹ️ " + escape(n.reason());
      case ACKNOWLEDGED -> "✋ " + name + " " + escape(n.reason());
      case SILENCED -> "🔕 " + name + " " + escape(n.reason());
    };
  }

  private static String downtime(Notification n) {
    Duration downtime = n.downtime();
    if (downtime == null) {
      return "";
    }
    return n.kind() == NotificationKind.RECOVERED
        ? " after " + DurationWords.of(downtime)
        : " for " + DurationWords.of(downtime);
  }

  private static String state(Notification n) {
    return switch (n.kind()) {
      case DOWN, REMINDER, STILL_DOWN -> "🔴 down";
      case RECOVERED -> "🟢 up";
      case FLAPPING -> "🟠 flapping";
      case REMOVED -> "⚪ removed";
      case SUMMARY -> "ℹ️ started";
      case ACKNOWLEDGED -> "✋ acknowledged";
      case SILENCED -> "🔕 silenced";
    };
  }

  /** "ghost-bridge is down", "3 daemons down, 1 recovered". */
  static String headline(List<Notification> batch) {
    if (batch.size() == 1) {
      Notification n = batch.get(0);
      return switch (n.kind()) {
        case DOWN -> "🔴 " + n.subject() + " is down";
        case RECOVERED -> "🟢 " + n.subject() + " recovered";
        case FLAPPING -> "🟠 " + n.subject() + " is flapping";
        case REMINDER, STILL_DOWN -> "🔴 " + n.subject() + " is still down";
        case REMOVED -> "⚪ " + n.subject() + " was removed while down";
        case SUMMARY -> "ℹ️ Gateway started";
        case ACKNOWLEDGED -> "✋ " + n.subject() + " acknowledged";
        case SILENCED -> "🔕 " + n.subject() + " silenced";
      };
    }
    Map<NotificationKind, Integer> counts = new EnumMap<>(NotificationKind.class);
    batch.forEach(n -> counts.merge(n.kind(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((kind, count) -> parts.add(count + " " + kindWords(kind)));
    boolean bad = batch.stream().anyMatch(n -> n.kind().bad());
    return (bad ? "🔴 " : "🟢 ") + String.join(", ", parts);
  }

  private static String kindWords(NotificationKind kind) {
    return switch (kind) {
      case DOWN -> "down";
      case RECOVERED -> "recovered";
      case FLAPPING -> "flapping";
      case REMINDER, STILL_DOWN -> "still down";
      case REMOVED -> "removed";
      case SUMMARY -> "started";
      case ACKNOWLEDGED -> "acknowledged";
      case SILENCED -> "silenced";
    };
  }

  /** The notification text: the headline and the first names, never longer than a phone shows. */
  private static String fallback(String headline, List<Notification> batch) {
    StringBuilder text = new StringBuilder(headline);
    if (batch.size() == 1 && !batch.get(0).reason().isEmpty()) {
      text.append(": ").append(batch.get(0).reason());
    } else if (batch.size() > 1) {
      text.append(": ");
      batch.forEach(n -> text.append(n.subject()).append(", "));
      text.setLength(text.length() - 2);
    }
    return SlackText.cut(escape(text.toString()), MAX_FALLBACK);
  }

  private static String names(List<IncidentStore.Member> members) {
    return String.join(", ", members.stream().map(IncidentStore.Member::daemon).toList());
  }

  private static HeaderBlock header(String text) {
    return HeaderBlock.builder()
        .text(PlainTextObject.builder().text(SlackText.cut(text, MAX_HEADER)).emoji(true).build())
        .build();
  }

  private static SectionBlock section(String markdown) {
    return SectionBlock.builder().text(markdown(markdown)).build();
  }

  private static MarkdownTextObject field(String label, String value) {
    return markdown("*" + label + "*\n" + SlackText.cut(value, 1_900));
  }

  private static MarkdownTextObject markdown(String text) {
    return MarkdownTextObject.builder().text(text).build();
  }

  private String context() {
    return gatewayUrl == null
        ? "Ghost Gateway on " + escape(host)
        : "Ghost Gateway on " + escape(host) + " · <" + gatewayUrl + "|status>";
  }

  private ContextBlock contextBlock() {
    List<ContextBlockElement> elements = List.of(markdown(context()));
    return ContextBlock.builder().elements(elements).build();
  }
}
