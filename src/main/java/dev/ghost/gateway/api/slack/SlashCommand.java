package dev.ghost.gateway.api.slack;

import java.util.Arrays;
import java.util.List;

/**
 * The text after {@code /ghost}, read into a verb and its arguments: {@code silence ghost-* 2h
 * deploy of 2.4} is the verb {@code silence} with {@code ghost-*}, {@code 2h} and the reason {@code
 * deploy of 2.4}.
 */
record SlashCommand(String verb, List<String> arguments) {

  static final String HELP =
      "Ghost Gateway: `/ghost status` (what is down), `/ghost silence <name or glob> <duration>"
          + " <reason>` (e.g. `/ghost silence ghost-* 2h deploy`), `/ghost unsilence <id>`,"
          + " `/ghost help`.";

  static SlashCommand parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return new SlashCommand("help", List.of());
    }
    String[] words = trimmed.split("\\s+", 4);
    return new SlashCommand(
        words[0].toLowerCase(java.util.Locale.ROOT), Arrays.asList(words).subList(1, words.length));
  }

  /** The argument at {@code index}, or null. */
  String argument(int index) {
    return index < arguments.size() ? arguments.get(index) : null;
  }
}
