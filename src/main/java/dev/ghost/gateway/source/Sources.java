package dev.ghost.gateway.source;

import dev.ghost.gateway.source.probe.ProbeSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every source of one gateway: heartbeats always, the registry file when one is configured, the
 * probes (none or many).
 */
public record Sources(
    HeartbeatSource heartbeats, Optional<RegistryFileSource> registry, ProbeSource probes) {

  /** In the order the engine asks them. */
  public List<DaemonSource> all() {
    List<DaemonSource> all = new ArrayList<>();
    all.add(heartbeats);
    registry.ifPresent(all::add);
    all.add(probes);
    return all;
  }

  /** Starts what watches or polls by itself. */
  public void start() {
    registry.ifPresent(RegistryFileSource::startWatching);
  }

  public void close() throws IOException {
    probes.close();
    if (registry.isPresent()) {
      registry.get().close();
    }
  }
}
