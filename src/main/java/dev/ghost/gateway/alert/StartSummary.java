package dev.ghost.gateway.alert;

import java.util.List;

/** The text of the first-start message: "gateway started: 14 daemons, 2 down: a, b". */
final class StartSummary {

  /** Names listed before "and N more"; the full list is in status.json. */
  private static final int NAMES_SHOWN = 20;

  private StartSummary() {}

  static String of(int total, List<String> down) {
    String daemons = total == 1 ? "1 daemon" : total + " daemons";
    if (down.isEmpty()) {
      return "gateway started: " + daemons + (total == 0 ? "" : ", all up or unknown");
    }
    String names = String.join(", ", down.subList(0, Math.min(NAMES_SHOWN, down.size())));
    String more = down.size() > NAMES_SHOWN ? " and " + (down.size() - NAMES_SHOWN) + " more" : "";
    return "gateway started: " + daemons + ", " + down.size() + " down: " + names + more;
  }
}
