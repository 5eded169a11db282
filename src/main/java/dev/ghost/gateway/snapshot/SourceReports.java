package dev.ghost.gateway.snapshot;

import dev.ghost.gateway.source.RegistryStatus;
import dev.ghost.gateway.source.probe.ProbeReport;
import java.util.Map;

/**
 * What the sources say about themselves, for the status document.
 *
 * @param registry how the registry file was read, or null when none is configured
 * @param probes each probe's latest run by daemon, empty when none is configured
 */
public record SourceReports(RegistryStatus registry, Map<String, ProbeReport> probes) {

  public static final SourceReports NONE = new SourceReports(null, Map.of());
}
