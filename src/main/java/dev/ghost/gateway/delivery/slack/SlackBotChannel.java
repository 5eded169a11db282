package dev.ghost.gateway.delivery.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.alert.NotificationKind;
import dev.ghost.gateway.delivery.Channel;
import dev.ghost.gateway.delivery.DeliveryResult;
import dev.ghost.gateway.delivery.Secrets;
import dev.ghost.gateway.store.IncidentStore;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Slack channel through a bot token: one message per alert; when its daemons recover, {@code
 * chat.update} turns it green with the downtime and a reply in its thread says so; reminders are
 * thread replies too. Which message belongs to which daemon is kept in the {@link IncidentStore},
 * so this survives a restart.
 *
 * <p>A follow-up makes two calls: the update, which is safe to repeat, then the reply, which is
 * not; so a retried batch repeats at most the harmless one.
 */
public final class SlackBotChannel implements Channel {

  private final String id;
  private final String token;
  private final String slackChannel;
  private final MethodsClient methods;
  private final SlackMessages messages;
  private final IncidentStore incidents;
  private final Duration minInterval;

  public SlackBotChannel(
      String id,
      String token,
      String slackChannel,
      Slack slack,
      SlackMessages messages,
      IncidentStore incidents,
      Duration minInterval) {
    this.id = id;
    this.token = token;
    this.slackChannel = slackChannel;
    this.methods = slack.methods(token);
    this.messages = messages;
    this.incidents = incidents;
    this.minInterval = minInterval;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "slack-bot";
  }

  @Override
  public String target() {
    return "#" + slackChannel + " token " + Secrets.mask(token);
  }

  @Override
  public Duration minInterval() {
    return minInterval;
  }

  /**
   * Follow-ups to one alert message go together (one update, one reply); everything else is a new
   * message, grouped like a webhook's.
   */
  @Override
  public boolean groups() {
    return true;
  }

  @Override
  public int fit(List<Notification> queue) {
    try {
      return fitOrThrow(queue);
    } catch (SQLException storeDown) {
      // The head alone: send() reads the store again and asks for a retry while it is down.
      // Guessing "no parent" instead would turn a recovery into a new top-level post.
      return 1;
    }
  }

  private int fitOrThrow(List<Notification> queue) throws SQLException {
    Optional<IncidentStore.Message> parent = parent(queue.get(0));
    if (parent.isEmpty()) {
      int fresh = 0;
      while (fresh < queue.size() && parent(queue.get(fresh)).isEmpty()) {
        fresh++;
      }
      return messages.fit(queue.subList(0, fresh));
    }
    int same = 1;
    while (same < queue.size() && parent(queue.get(same)).equals(parent)) {
      same++;
    }
    return messages.fit(queue.subList(0, same));
  }

  @Override
  public DeliveryResult send(List<Notification> batch) {
    try {
      Optional<IncidentStore.Message> parent = parent(batch.get(0));
      return parent.isPresent() ? followUp(parent.get(), batch) : post(batch);
    } catch (SlackApiException e) {
      return SlackResults.of(e);
    } catch (IOException e) {
      return SlackResults.of(e);
    } catch (SQLException e) {
      // Retried (and logged) by the worker; the store decides whether this is a reply or a post.
      return DeliveryResult.retry("cannot read the Slack message ids from the store: " + e);
    }
  }

  private DeliveryResult post(List<Notification> batch)
      throws IOException, SlackApiException, SQLException {
    SlackMessage message = messages.withActions(messages.render(batch), batch);
    ChatPostMessageResponse response =
        methods.chatPostMessage(
            r -> r.channel(slackChannel).text(message.text()).blocks(message.blocks()));
    if (!response.isOk()) {
      return SlackResults.of(response);
    }
    List<IncidentStore.Member> downs = new ArrayList<>();
    for (Notification n : batch) {
      if (n.daemon() != null && opensIncident(n.kind())) {
        downs.add(IncidentStore.Member.down(n.subject(), n.at(), n.reason()));
      }
    }
    incidents.opened(id, new IncidentStore.Message(response.getChannel(), response.getTs()), downs);
    return DeliveryResult.sent();
  }

  private DeliveryResult followUp(IncidentStore.Message parent, List<Notification> batch)
      throws IOException, SlackApiException, SQLException {
    List<String> recovered = new ArrayList<>();
    boolean noted = false;
    for (Notification n : batch) {
      if (n.kind() == NotificationKind.RECOVERED || n.kind() == NotificationKind.REMOVED) {
        recovered.add(n.subject());
      }
      if (n.kind() == NotificationKind.ACKNOWLEDGED || n.kind() == NotificationKind.SILENCED) {
        incidents.noted(id, parent, n.subject(), n.reason());
        noted = true;
      }
    }
    if (!recovered.isEmpty() || noted) {
      incidents.recovered(id, parent, recovered, batch.get(batch.size() - 1).at());
      SlackMessage updated = messages.incident(incidents.members(id, parent));
      DeliveryResult update =
          SlackResults.of(
              methods.chatUpdate(
                  r ->
                      r.channel(parent.slackChannel())
                          .ts(parent.ts())
                          .text(updated.text())
                          .blocks(updated.blocks())));
      if (update.outcome() != DeliveryResult.Outcome.SENT) {
        return update;
      }
    }
    SlackMessage reply = messages.render(batch);
    return SlackResults.of(
        methods.chatPostMessage(
            r ->
                r.channel(parent.slackChannel())
                    .threadTs(parent.ts())
                    .text(reply.text())
                    .blocks(reply.blocks())));
  }

  /** The open alert message a notification follows up, if it is a follow-up at all. */
  private Optional<IncidentStore.Message> parent(Notification n) throws SQLException {
    if (n.daemon() == null || opensIncident(n.kind())) {
      return Optional.empty();
    }
    return incidents.open(id, n.subject());
  }

  private static boolean opensIncident(NotificationKind kind) {
    return kind == NotificationKind.DOWN || kind == NotificationKind.FLAPPING;
  }

  @Override
  public List<String> secrets() {
    return List.of(token);
  }
}
