package dev.ghost.gateway.api;

/** Example answers for the OpenAPI document, so an agent sees the shape before it calls. */
final class Examples {

  private Examples() {}

  static final String STATUS =
      """
      {"indicator": "degraded",
       "summary": "1 of 3 daemons is down: patch-executor for 12 min (no heartbeat for 720 s).",
       "updatedAt": "2026-01-31T12:00:00.000Z", "stale": false,
       "counts": {"total": 3, "up": 2, "down": 1, "unknown": 0},
       "down": [{"name": "patch-executor", "since": "2026-01-31T11:48:00.000Z",
                 "duration": "12 min", "reason": "no heartbeat for 720 s"}],
       "daemons": [{"name": "ghost-bridge", "state": "up", "since": "2026-01-30T08:00:00.000Z"},
                   {"name": "patch-executor", "state": "down", "since": "2026-01-31T11:48:00.000Z"},
                   {"name": "scheduler", "state": "up", "since": "2026-01-30T08:00:00.000Z"}],
       "truncated": false}
      """;

  static final String DOWN =
      """
      {"down": [{"name": "patch-executor", "since": "2026-01-31T11:48:00.000Z",
                 "duration": "12 min", "reason": "no heartbeat for 720 s"}]}
      """;

  static final String DAEMON =
      """
      {"name": "patch-executor", "state": "down", "since": "2026-01-31T11:48:00.000Z",
       "reason": "no heartbeat for 720 s", "source": "heartbeat",
       "lastSeen": "2026-01-31T11:47:00.000Z", "availability24h": 0.9917, "availability7d": 0.9988,
       "transitions": [{"seq": 41, "at": "2026-01-31T11:48:00.000Z", "daemon": "patch-executor",
                        "kind": "down", "from": "up", "to": "down",
                        "reason": "no heartbeat for 720 s", "source": "heartbeat"}]}
      """;

  static final String EVENTS =
      """
      {"events": [{"seq": 41, "at": "2026-01-31T11:48:00.000Z", "daemon": "patch-executor",
                   "kind": "down", "from": "up", "to": "down",
                   "reason": "no heartbeat for 720 s", "source": "heartbeat"}],
       "next": 41}
      """;
}
