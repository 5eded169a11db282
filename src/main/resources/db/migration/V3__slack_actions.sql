-- Who silenced (a Slack user for silences made from Slack; null for the API's admin token).
ALTER TABLE silences ADD COLUMN created_by VARCHAR(128);

-- Acknowledgements: someone took the incident of a daemon. One row per daemon, replaced by the
-- next acknowledgement; it applies to the incident that was open when it was made.
CREATE TABLE acks (
    daemon  VARCHAR(64) PRIMARY KEY,
    by_user VARCHAR(128) NOT NULL,
    at_ms   BIGINT NOT NULL
);

-- What the bot's alert message shows under its daemons: "acknowledged by @alice".
ALTER TABLE slack_incidents ADD COLUMN note TEXT;
