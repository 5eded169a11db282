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
  /**
   * One daemon of an alert message.
   *
   * @param note what people did about it ("acknowledged by @alice"), or null
   */
  public record Member(
      String daemon, Instant downAt, String reason, Instant recovered, String note) {

    /** A daemon that has just gone down: not recovered, nothing done about it yet. */
    public static Member down(String daemon, Instant downAt, String reason) {
      return new Member(daemon, downAt, reason, null, null);
    }
  }

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
        "SELECT daemon, down_at_ms, reason, recovered_ms, note FROM slack_incidents WHERE"
            + " channel = ? AND ts = ? ORDER BY daemon",
        row ->
            new Member(
                row.getString(1),
                Sql.instant(row, 2),
                row.getString(3),
                Sql.instant(row, 4),
                row.getString(5)),
        channel,
        message.ts());
  }

  /** Records what people did about {@code daemon} in this message, shown under its line. */
  public void noted(String channel, Message message, String daemon, String note)
      throws SQLException {
    sql.update(
        "UPDATE slack_incidents SET note = ? WHERE channel = ? AND ts = ? AND daemon = ?",
        note,
        channel,
        message.ts(),
        daemon);
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
