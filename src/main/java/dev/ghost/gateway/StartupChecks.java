package dev.ghost.gateway;

import dev.ghost.gateway.api.AccessTokens;
import dev.ghost.gateway.config.ConfigChecker;
import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.config.StoreSwitch;
import dev.ghost.gateway.delivery.ChannelSpecs;
import dev.ghost.gateway.source.probe.ProbeFactory;
import dev.ghost.gateway.store.StoreFile;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Everything that would stop the start, found in one pass before the gateway writes anything (no
 * admin token, no store, no status file): every bad config key, and a store that was damaged or
 * lost since the last run. Quarkus prints a {@link ConfigurationException}'s message alone, without
 * a stack trace, and exits non-zero, so the operator reads one short block naming every problem.
 */
@Singleton
public class StartupChecks {

  private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

  @Inject GatewayConfig config;

  /**
   * The router's set-up is the first moment Quarkus makes the application's beans (the routes
   * inject the runtime, the auth filter the token store), before any startup event; so the checks
   * run as its first observer.
   */
  void check(@Observes @Priority(1) Router router) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new ConfigurationException(block(problems));
    }
    publicUrlWarning(config.publicUrl()).ifPresent(LOG::warning);
  }

  /**
   * A gateway works without a public HTTPS URL, but a GPT Action cannot import its spec: GPT
   * Actions take only https servers.
   */
  static Optional<String> publicUrlWarning(Optional<String> publicUrl) {
    if (publicUrl.isEmpty()) {
      return Optional.of(
          "gateway.public-url is not set: the API documents http://localhost:8080 as its server,"
              + " which GPT Actions refuse; set GATEWAY_PUBLIC_URL=https://<your host>");
    }
    if (!publicUrl.get().startsWith("https://")) {
      return Optional.of(
          "gateway.public-url is not https: GPT Actions refuse "
              + publicUrl.get()
              + " as a server; put the gateway behind HTTPS and set it to that URL");
    }
    return Optional.empty();
  }

  List<String> problems() {
    List<String> problems = configProblems(config);
    if (!StoreSwitch.POSTGRESQL.equals(config.store().kind())) {
      StoreFile.at(config.storeFile()).damage(config.resolvedStatusFile()).ifPresent(problems::add);
    }
    return problems;
  }

  /**
   * Every problem of the config alone: its keys, the channels and routes, the probes, the tokens.
   */
  public static List<String> configProblems(GatewayConfig config) {
    List<String> problems = new ArrayList<>(ConfigChecker.problems(config));
    problems.addAll(ChannelSpecs.problems(config, NotificationWiring.kinds()));
    problems.addAll(ProbeFactory.problems(config.daemons(), config.tick()));
    config
        .auth()
        .tokens()
        .ifPresent(
            tokens -> {
              try {
                AccessTokens.parse(tokens);
              } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
              }
            });
    return problems;
  }

  static String block(List<String> problems) {
    StringBuilder text =
        new StringBuilder("Ghost Gateway did not start. Fix ")
            .append(problems.size() == 1 ? "this" : "these " + problems.size())
            .append(" and start it again:");
    problems.forEach(problem -> text.append("\n  - ").append(problem));
    return text.toString();
  }
}
