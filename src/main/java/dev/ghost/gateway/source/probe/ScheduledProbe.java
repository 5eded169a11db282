package dev.ghost.gateway.source.probe;

import dev.ghost.gateway.domain.DaemonName;
import java.time.Duration;

/** A daemon's probe and how often it runs. */
public record ScheduledProbe(DaemonName daemon, Probe probe, Duration interval) {}
