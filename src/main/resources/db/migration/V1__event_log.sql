-- Times are epoch milliseconds; sequences are assigned by the single writer, so the same SQL runs
-- on SQLite and PostgreSQL.
CREATE TABLE events (
    seq          BIGINT PRIMARY KEY,
    at_ms        BIGINT NOT NULL,
    daemon       VARCHAR(64) NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    from_state   VARCHAR(16),
    to_state     VARCHAR(16),
    reason       TEXT NOT NULL,
    source       VARCHAR(32) NOT NULL,
    snapshot_seq BIGINT NOT NULL
);

CREATE INDEX events_by_daemon ON events (daemon, seq);

-- The last recorded state of every daemon: the baseline the first snapshot after a restart is
-- compared with.
CREATE TABLE daemon_state (
    name       VARCHAR(64) PRIMARY KEY,
    state      VARCHAR(16) NOT NULL,
    since_ms   BIGINT NOT NULL,
    reason     TEXT NOT NULL,
    source     VARCHAR(32) NOT NULL,
    last_seen_ms BIGINT,
    pid        BIGINT
);

CREATE TABLE gateway_meta (
    name  VARCHAR(64) PRIMARY KEY,
    value TEXT NOT NULL
);
