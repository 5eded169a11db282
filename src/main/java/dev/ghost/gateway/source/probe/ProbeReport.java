package dev.ghost.gateway.source.probe;

/**
 * The latest run of one probe, for the status document. It names the kind of probe but never its
 * target: a URL may carry credentials.
 *
 * @param checkedAt when the run finished (ISO-8601), or null before the first run
 * @param latencyMs how long the run took, or null before the first run
 */
public record ProbeReport(String kind, long intervalMs, String checkedAt, Long latencyMs) {}
