package dev.ghost.gateway.domain;

import java.time.Instant;

/**
 * A daemon's last word to the gateway in absolute times: a heartbeat, or a fail signal. On several
 * instances, the one that received it stores it so that the leader, and the next leader, hear it.
 *
 * @param at the last heartbeat, or null when there never was one
 * @param expiresAt when the daemon is down without another heartbeat
 * @param message what the daemon said, or null
 * @param failedAt when a fail signal came, or null for a heartbeat
 */
public record LastWord(
    DaemonName daemon, Instant at, Instant expiresAt, String message, Instant failedAt) {}
