package dev.ghost.gateway.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The Slack messages the bot posted about downs, so that a recovery can update its alert and reply
 * in its thread, across restarts. One message can be about several daemons (a grouped alert).
 */
public final class IncidentStore {

  /** Where an alert was posted. */
  public record Message(String slackChannel, String ts) {}

  /** One daemon of an alert message. */
  public record Member(String daemon, Instant downAt, String reason, Instant recovered) {}

  private final Sql sql;

  public IncidentStore(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  public void opened(String channel, Message message, List<Member> members) throws SQLException {
    sql.inTransaction(
        connection -> {
          for (Member member : members) {
            Sql.update(
                connection,
                "INSERT INTO slack_incidents (channel, daemon, slack_channel, ts, down_at_ms,"
                    + " reason) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel, daemon, ts) DO"
                    + " NOTHING",
                channel,
                member.daemon(),
                message.slackChannel(),
                message.ts(),
                member.downAt(),
                member.reason());
          }
          return null;
        });
  }

  /** The newest open alert about {@code daemon} in {@code channel}. */
  public Optional<Message> open(String channel, String daemon) throws SQLException {
    return sql
        .query(
            "SELECT slack_channel, ts FROM slack_incidents WHERE channel = ? AND daemon = ? AND"
                + " recovered_ms IS NULL ORDER BY down_at_ms DESC, ts DESC LIMIT 1",
            row -> new Message(row.getString(1), row.getString(2)),
            channel,
            daemon)
        .stream()
        .findFirst();
  }

  public List<Member> members(String channel, Message message) throws SQLException {
    return sql.query(
        "SELECT daemon, down_at_ms, reason, recovered_ms FROM slack_incidents WHERE channel = ?"
            + " AND ts = ? ORDER BY daemon",
        row ->
            new Member(
                row.getString(1), Sql.instant(row, 2), row.getString(3), Sql.instant(row, 4)),
        channel,
        message.ts());
  }

  public void recovered(String channel, Message message, List<String> daemons, Instant at)
      throws SQLException {
    for (String daemon : daemons) {
      sql.update(
          "UPDATE slack_incidents SET recovered_ms = ? WHERE channel = ? AND ts = ? AND daemon = ?",
          at,
          channel,
          message.ts(),
          daemon);
    }
  }
}
