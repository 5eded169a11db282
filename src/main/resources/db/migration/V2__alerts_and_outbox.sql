-- What people were last told about each daemon, and what the alert policy needs to remember
-- between snapshots (streaks, recent changes for flapping, reminders). Only daemons the policy has
-- something to remember about have a row.
CREATE TABLE alert_state (
    daemon        VARCHAR(64) PRIMARY KEY,
    announced     VARCHAR(16) NOT NULL,
    down_since_ms BIGINT,
    streak        INTEGER NOT NULL,
    changes       TEXT NOT NULL,
    flapping      INTEGER NOT NULL,
    silenced      INTEGER NOT NULL,
    last_sent_ms  BIGINT
);

-- One row per notification and channel. Written in the same transaction as the events it comes
-- from, before anything is sent; the delivery worker moves it from pending to sent or failed.
CREATE TABLE outbox (
    id              BIGINT PRIMARY KEY,
    notification_id VARCHAR(40) NOT NULL,
    channel         VARCHAR(64) NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    daemon          VARCHAR(64),
    from_state      VARCHAR(16),
    to_state        VARCHAR(16),
    at_ms           BIGINT NOT NULL,
    since_ms        BIGINT,
    reason          TEXT NOT NULL,
    source          VARCHAR(32) NOT NULL,
    sequence        BIGINT NOT NULL,
    created_ms      BIGINT NOT NULL,
    state           VARCHAR(8) NOT NULL,
    attempts        INTEGER NOT NULL,
    last_error      TEXT,
    done_ms         BIGINT
);

CREATE INDEX outbox_pending ON outbox (state, channel, id);

-- Slack messages the bot posted, so a recovery can update its alert and reply in its thread, also
-- after a restart.
CREATE TABLE slack_incidents (
    channel      VARCHAR(64) NOT NULL,
    daemon       VARCHAR(64) NOT NULL,
    slack_channel VARCHAR(64) NOT NULL,
    ts           VARCHAR(32) NOT NULL,
    down_at_ms   BIGINT NOT NULL,
    reason       TEXT NOT NULL,
    recovered_ms BIGINT,
    PRIMARY KEY (channel, daemon, ts)
);

CREATE INDEX slack_incidents_by_ts ON slack_incidents (channel, ts);

CREATE TABLE silences (
    id         BIGINT PRIMARY KEY,
    pattern    VARCHAR(64) NOT NULL,
    until_ms   BIGINT NOT NULL,
    reason     TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);
