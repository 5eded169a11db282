-- Several instances on one PostgreSQL store (unused on SQLite, where one process does everything).

-- Who leads: one row. The holder renews it before it expires; another instance takes it only once
-- it has expired, and each taking raises the epoch, which fences the writes of a deposed leader.
-- Times are the database's own clock (epoch ms), so the instances' clocks need not agree.
CREATE TABLE cluster_lease (
    id         INTEGER PRIMARY KEY,
    holder     VARCHAR(128),
    epoch      BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL
);

INSERT INTO cluster_lease (id, holder, epoch, expires_ms) VALUES (1, NULL, 0, 0);

-- The last word from each daemon that pushes heartbeats, whichever instance received it, so the
-- leader (and the next one) knows every heartbeat and fail signal.
CREATE TABLE heartbeats (
    daemon     VARCHAR(64) PRIMARY KEY,
    at_ms      BIGINT,
    expires_ms BIGINT NOT NULL,
    message    TEXT,
    failed_ms  BIGINT
);

-- The leader's latest status document, byte for byte, which followers serve as their own.
CREATE TABLE published_status (
    id       INTEGER PRIMARY KEY,
    sequence BIGINT NOT NULL,
    taken_ms BIGINT NOT NULL,
    body     TEXT NOT NULL
);
