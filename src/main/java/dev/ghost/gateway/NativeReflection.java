package dev.ghost.gateway;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes of the write side that a native image must keep for reflection because Jackson writes
 * them outside a REST signature, where Quarkus cannot see them: the status document and what it
 * holds. Each channel kind, the read side and the API register their own beside them. See
 * docs/native.md.
 */
@RegisterForReflection(
    targets = {
      dev.ghost.gateway.snapshot.StatusDocument.class,
      dev.ghost.gateway.snapshot.StatusDocument.RegistrySection.class,
      dev.ghost.gateway.snapshot.EventView.class,
      dev.ghost.gateway.snapshot.SystemInfo.class,
      dev.ghost.gateway.source.probe.ProbeReport.class,
      dev.ghost.gateway.store.DeliveryReport.class,
      dev.ghost.gateway.store.DeliveryReport.ChannelReport.class,
      dev.ghost.gateway.domain.Counts.class,
    })
final class NativeReflection {

  private NativeReflection() {}
}
