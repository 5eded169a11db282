package dev.ghost.gateway.delivery.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The buttons on an alert and what each means. Their {@code action_id} says what to do and their
 * {@code value} names the daemon, so a click carries everything the gateway needs.
 */
public final class SlackActions {

  public static final String ACKNOWLEDGE = "ack";
  public static final String SILENCE_1H = "silence_1h";
  public static final String SILENCE_4H = "silence_4h";

  private SlackActions() {}

  static LayoutBlock buttons(String daemon) {
    List<BlockElement> buttons =
        List.of(
            button(ACKNOWLEDGE, "Acknowledge", daemon, "primary"),
            button(SILENCE_1H, "Silence 1 h", daemon, null),
            button(SILENCE_4H, "Silence 4 h", daemon, null));
    return ActionsBlock.builder().blockId("ghost-actions").elements(buttons).build();
  }

  /** How long a silence button silences; empty for an action that is not a silence. */
  public static Optional<Duration> silenceFor(String actionId) {
    return switch (actionId) {
      case SILENCE_1H -> Optional.of(Duration.ofHours(1));
      case SILENCE_4H -> Optional.of(Duration.ofHours(4));
      default -> Optional.empty();
    };
  }

  private static ButtonElement button(String actionId, String text, String daemon, String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(PlainTextObject.builder().text(text).build())
        .value(daemon)
        .style(style)
        .build();
  }
}
