package dev.ghost.gateway.api;

import dev.ghost.gateway.GatewayRuntime;
import dev.ghost.gateway.snapshot.TickResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the gateway tells the truth right now: its last snapshot is at most three ticks old,
 * the store takes writes, and status.json was written.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject GatewayRuntime runtime;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("snapshots").up();
    TickResult last = runtime.lastTick();
    if (last == null) {
      return response.down().withData("snapshot", "none taken yet").build();
    }
    Duration age = Duration.between(last.snapshot().takenAt(), runtime.now());
    response.withData("sequence", last.snapshot().sequence()).withData("ageMillis", age.toMillis());
    if (age.compareTo(runtime.tick().multipliedBy(3)) > 0) {
      response.down().withData("stale", "the last snapshot is older than 3 ticks");
    }
    // Every tick writes the store, so the last tick's result is the store's writability.
    if (last.storeError().isPresent()) {
      response.down().withData("store", "not writable");
    }
    last.writeError().ifPresent(error -> response.down().withData("statusFile", error));
    return response.build();
  }
}
