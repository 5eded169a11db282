package dev.ghost.gateway.source;

import java.time.Instant;

/**
 * How the last read of the registry file went, for the status document.
 *
 * @param error what is wrong with the file, in words that say what to fix; null when ok
 * @param lastGoodReadAt when the file last parsed, or null when it never has
 */
public record RegistryStatus(
    String path, boolean ok, String error, Instant lastGoodReadAt, int entries) {}
