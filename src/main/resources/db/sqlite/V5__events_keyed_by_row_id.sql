-- SQLite only. Events and outbox rows become keyed by the table's own row id: V1 and V2 declared
-- their keys BIGINT PRIMARY KEY, which SQLite keeps in a second B-tree beside the table (only
-- INTEGER PRIMARY KEY names the row id, and it is 64 bits here as BIGINT was), so every event and
-- notification was written, logged and checkpointed twice. SQLite cannot change a key in place:
-- each table is copied into its new form, in the migration's one transaction.
CREATE TABLE events_by_row_id (
    seq          INTEGER PRIMARY KEY,
    at_ms        BIGINT NOT NULL,
    daemon       VARCHAR(64) NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    from_state   VARCHAR(16),
    to_state     VARCHAR(16),
    reason       TEXT NOT NULL,
    source       VARCHAR(32) NOT NULL,
    snapshot_seq BIGINT NOT NULL
);

INSERT INTO events_by_row_id (seq, at_ms, daemon, kind, from_state, to_state, reason, source,
        snapshot_seq)
    SELECT seq, at_ms, daemon, kind, from_state, to_state, reason, source, snapshot_seq
    FROM events;

DROP TABLE events;

ALTER TABLE events_by_row_id RENAME TO events;

CREATE INDEX events_by_daemon ON events (daemon, seq);

CREATE TABLE outbox_by_row_id (
    id              INTEGER PRIMARY KEY,
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

INSERT INTO outbox_by_row_id (id, notification_id, channel, kind, daemon, from_state, to_state,
        at_ms, since_ms, reason, source, sequence, created_ms, state, attempts, last_error,
        done_ms)
    SELECT id, notification_id, channel, kind, daemon, from_state, to_state, at_ms, since_ms,
        reason, source, sequence, created_ms, state, attempts, last_error, done_ms
    FROM outbox;

DROP TABLE outbox;

ALTER TABLE outbox_by_row_id RENAME TO outbox;

CREATE INDEX outbox_pending ON outbox (state, channel, id);
