package dev.ghost.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the config at boot, so a bad value stops the start with a message naming its key instead
 * of failing later, far from the cause.
 */
public final class ConfigChecker {

  private static final Pattern DAEMON_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Duration MIN_TICK = Duration.ofMillis(100);
  private static final Duration MIN_LEASE = Duration.ofSeconds(1);

  private ConfigChecker() {}

  /** Every problem found, each naming its key; empty when the config is good. */
  public static List<String> problems(GatewayConfig config) {
    List<String> problems = new ArrayList<>();
    if (config.tick().compareTo(MIN_TICK) < 0) {
      problems.add("gateway.tick must be at least 100ms, got " + config.tick());
    }
    if (config.statusLogSize() < 0 || config.statusLogSize() > 500) {
      problems.add("gateway.status-log-size must be from 0 to 500, got " + config.statusLogSize());
    }
    positive(problems, "gateway.registry.max-age", config.registry().maxAge());
    positive(problems, "gateway.heartbeat.ttl", config.heartbeat().ttl());
    config
        .daemons()
        .forEach(
            (name, daemon) -> {
              if (!DAEMON_NAME.matcher(daemon.nameOr(name)).matches()) {
                problems.add(
                    "gateway.daemons."
                        + name
                        + ": a daemon name must match [A-Za-z0-9._-]{1,64}, got \""
                        + daemon.nameOr(name)
                        + "\"");
              }
              daemon
                  .grace()
                  .ifPresent(
                      grace -> positive(problems, "gateway.daemons." + name + ".grace", grace));
            });
    alerts(problems, config.alert());
    watchdog(problems, config.watchdog());
    if (config.cluster().lease().compareTo(MIN_LEASE) < 0) {
      // Renewed every third of it: shorter, and a busy database would depose healthy leaders.
      problems.add("gateway.cluster.lease must be at least 1s, got " + config.cluster().lease());
    }
    return problems;
  }

  private static void alerts(List<String> problems, GatewayConfig.Alert alert) {
    if (alert.downAfter() < 1) {
      problems.add("gateway.alert.down-after must be 1 or more, got " + alert.downAfter());
    }
    if (alert.upAfter() < 1) {
      problems.add("gateway.alert.up-after must be 1 or more, got " + alert.upAfter());
    }
    if (alert.flapChanges() < 2) {
      problems.add("gateway.alert.flap-changes must be 2 or more, got " + alert.flapChanges());
    }
    positive(problems, "gateway.alert.flap-window", alert.flapWindow());
    positive(problems, "gateway.alert.flap-quiet", alert.flapQuiet());
    if (alert.groupWindow().isNegative()) {
      problems.add("gateway.alert.group-window must not be negative, got " + alert.groupWindow());
    }
    try {
      alert.reminders().ifPresent(every -> positive(problems, "gateway.alert.remind-every", every));
    } catch (IllegalArgumentException e) {
      problems.add(
          "gateway.alert.remind-every must be a duration like 4h or \"off\", got \""
              + alert.remindEvery()
              + "\"");
    }
  }

  private static void watchdog(List<String> problems, GatewayConfig.Watchdog watchdog) {
    watchdog
        .url()
        .ifPresent(
            url -> {
              if (!url.startsWith("http://") && !url.startsWith("https://")) {
                // The value is not shown: the URL is the watchdog's secret.
                problems.add("gateway.watchdog.url must be an http or https URL");
              }
            });
    if (!List.of("GET", "HEAD", "POST").contains(watchdog.method().toUpperCase(Locale.ROOT))) {
      problems.add("gateway.watchdog.method must be GET, HEAD or POST, got " + watchdog.method());
    }
    positive(problems, "gateway.watchdog.timeout", watchdog.timeout());
  }

  private static void positive(List<String> problems, String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      problems.add(key + " must be a positive duration, got " + value);
    }
  }
}
