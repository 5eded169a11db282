package dev.ghost.gateway;

import dev.ghost.gateway.store.AckStore;
import dev.ghost.gateway.store.EventLog;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.SharedValues;
import dev.ghost.gateway.store.SilenceStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The stores readers and the write side share, over whichever store the gateway runs on ({@link
 * GatewayStore}). Making one opens nothing: the runtime migrates the schema before the first use.
 */
@Singleton
public class StoreParts {

  @Produces
  @Singleton
  EventLog eventLog(GatewayStore store) {
    return new EventLog(store.dataSource());
  }

  @Produces
  @Singleton
  Outbox outbox(GatewayStore store) {
    return new Outbox(store.dataSource());
  }

  @Produces
  @Singleton
  SilenceStore silences(GatewayStore store) {
    return new SilenceStore(store.dataSource());
  }

  /** Values every instance agrees on, when several share the store. */
  @Produces
  @Singleton
  Optional<SharedValues> sharedValues(GatewayStore store) {
    return store.shared() ? Optional.of(new SharedValues(store.dataSource())) : Optional.empty();
  }

  @Produces
  @Singleton
  AckStore acks(GatewayStore store) {
    return new AckStore(store.dataSource());
  }
}
