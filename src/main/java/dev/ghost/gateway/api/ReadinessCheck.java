package dev.ghost.gateway.api;

import dev.ghost.gateway.query.Readiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** {@code /q/health/ready}: DOWN while the read side's readiness facts say the gateway is not. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject Readiness readiness;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("snapshots").up();
    var known = readiness.facts();
    if (known.isEmpty()) {
      return response.down().withData("snapshot", "none taken yet").build();
    }
    Readiness.Facts facts = known.get();
    response.withData("sequence", facts.sequence()).withData("ageMillis", facts.age().toMillis());
    if (facts.stale()) {
      response.down().withData("stale", "the last snapshot is older than 3 ticks");
    }
    if (!facts.storeWritable()) {
      response.down().withData("store", "not writable");
    }
    facts.statusFileError().ifPresent(error -> response.down().withData("statusFile", error));
    facts
        .cluster()
        .ifPresent(
            cluster -> {
              response
                  .withData("node", cluster.node())
                  .withData("role", cluster.leading() ? "leader" : "follower")
                  .withData("leader", cluster.leader() == null ? "none" : cluster.leader())
                  .withData("epoch", cluster.epoch());
              if (cluster.problem() != null) {
                response.down().withData("cluster", cluster.problem());
              }
            });
    return response.build();
  }
}
