package dev.ghost.gateway.snapshot;

import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.store.StoredEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Logs every stored transition as one readable line, so a gateway with no Slack configured still
 * shows the whole flow on its console. Not a notification channel: it tells every change, where a
 * channel tells what the alert policy decided is news.
 */
public final class ConsoleTransitions implements Consumer<List<StoredEvent>> {

  private static final Logger LOG = Logger.getLogger("dev.ghost.gateway.transitions");

  @Override
  public void accept(List<StoredEvent> events) {
    events.forEach(event -> LOG.info(line(event)));
  }

  /** E.g. {@code #12 ghost-bridge up -> down: pid 4242 is not running [registry]}. */
  public static String line(StoredEvent event) {
    Transition t = event.transition();
    String from = t.from() == null ? "(new)" : t.from().wire();
    String to = t.to() == null ? "(removed)" : t.to().wire();
    return "#"
        + event.seq()
        + " "
        + t.daemon()
        + " "
        + from
        + " -> "
        + to
        + ": "
        + t.reason()
        + " ["
        + t.source()
        + "]";
  }
}
