package dev.ghost.gateway.source.probe;

import dev.ghost.gateway.config.GatewayConfig;
import dev.ghost.gateway.config.GatewayConfig.HttpProbeConfig;
import dev.ghost.gateway.config.GatewayConfig.ProbeConfig;
import dev.ghost.gateway.config.GatewayConfig.ProcessProbeConfig;
import dev.ghost.gateway.config.GatewayConfig.TcpProbeConfig;
import dev.ghost.gateway.domain.DaemonName;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns {@code gateway.daemons.<name>.probe.*} into probes, checking every value: a bad one stops
 * the start with a message that names its key.
 */
public final class ProbeFactory {

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "OPTIONS");

  private ProbeFactory() {}

  /**
   * The probes of all declared daemons that have one.
   *
   * @throws IllegalArgumentException listing every bad key
   */
  public static List<ScheduledProbe> fromConfig(
      Map<String, GatewayConfig.Daemon> daemons, Duration tick, HttpClient client) {
    List<String> problems = new ArrayList<>();
    List<ScheduledProbe> probes = build(daemons, tick, client, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return probes;
  }

  /**
   * Every bad probe key, each naming its key; empty when all are good. Checked before the gateway
   * writes anything, so every problem shows in one start. The probes built to find them are thrown
   * away unused, so they need no HTTP client.
   */
  public static List<String> problems(Map<String, GatewayConfig.Daemon> daemons, Duration tick) {
    List<String> problems = new ArrayList<>();
    build(daemons, tick, null, problems);
    return problems;
  }

  private static List<ScheduledProbe> build(
      Map<String, GatewayConfig.Daemon> daemons,
      Duration tick,
      HttpClient client,
      List<String> problems) {
    List<ScheduledProbe> probes = new ArrayList<>();
    daemons.forEach(
        (name, daemon) -> {
          String prefix = "gateway.daemons." + name + ".probe.";
          try {
            probe(prefix, daemon.probe(), client)
                .ifPresent(
                    probe ->
                        probes.add(
                            new ScheduledProbe(
                                DaemonName.of(daemon.nameOr(name)),
                                probe,
                                interval(prefix, daemon.probe().interval().orElse(tick)))));
          } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
          }
        });
    return probes;
  }

  private static Optional<Probe> probe(String prefix, ProbeConfig config, HttpClient client) {
    int kinds =
        (config.http().isPresent() ? 1 : 0)
            + (config.tcp().isPresent() ? 1 : 0)
            + (config.process().isPresent() ? 1 : 0);
    if (kinds > 1) {
      throw new IllegalArgumentException(
          prefix + "*: set one of http, tcp or process, not " + kinds);
    }
    if (config.http().isPresent()) {
      return Optional.of(http(prefix + "http.", config.http().get(), client));
    }
    if (config.tcp().isPresent()) {
      return Optional.of(tcp(prefix + "tcp.", config.tcp().get()));
    }
    return config.process().map(process -> process(prefix + "process.", process));
  }

  private static Probe http(String prefix, HttpProbeConfig config, HttpClient client) {
    URI url;
    try {
      url = new URI(config.url());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(prefix + "url is not a URL: " + e.getReason());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException(prefix + "url must be http:// or https:// with a host");
    }
    if (url.getUserInfo() != null) {
      throw new IllegalArgumentException(
          prefix + "url must not carry credentials: they would show in every error about it");
    }
    String method = config.method().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(prefix + "method must be one of " + METHODS);
    }
    StatusExpectation expected;
    try {
      expected = StatusExpectation.parse(config.expectStatus());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix + "expect-status " + e.getMessage());
    }
    if (config.jsonPointer().isPresent() != config.jsonEquals().isPresent()) {
      throw new IllegalArgumentException(prefix + "json-pointer and json-equals go together");
    }
    Optional<HttpProbe.JsonCheck> json =
        config
            .jsonPointer()
            .map(pointer -> new HttpProbe.JsonCheck(pointer, config.jsonEquals().get()));
    if (json.isPresent() && !json.get().pointer().startsWith("/")) {
      throw new IllegalArgumentException(prefix + "json-pointer must start with /, like /status");
    }
    positive(prefix + "timeout", config.timeout());
    config.maxLatency().ifPresent(limit -> positive(prefix + "max-latency", limit));
    return new HttpProbe(
        client,
        url,
        method,
        expected,
        config.bodyContains(),
        json,
        config.timeout(),
        config.maxLatency());
  }

  private static Probe tcp(String prefix, TcpProbeConfig config) {
    if (config.host().isBlank()) {
      throw new IllegalArgumentException(prefix + "host must not be empty");
    }
    if (config.port() < 1 || config.port() > 65535) {
      throw new IllegalArgumentException(
          prefix + "port must be from 1 to 65535, got " + config.port());
    }
    positive(prefix + "timeout", config.timeout());
    return new TcpProbe(config.host(), config.port(), config.timeout());
  }

  private static Probe process(String prefix, ProcessProbeConfig config) {
    if (config.pidfile().isPresent() == config.commandPattern().isPresent()) {
      throw new IllegalArgumentException(prefix + "set exactly one of pidfile or command-pattern");
    }
    if (config.pidfile().isPresent()) {
      return ProcessProbe.pidfile(config.pidfile().get());
    }
    try {
      return ProcessProbe.commandPattern(Pattern.compile(config.commandPattern().get()));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          prefix + "command-pattern is not a regular expression: " + e.getDescription());
    }
  }

  private static Duration interval(String prefix, Duration interval) {
    if (interval.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException(prefix + "interval must be at least 100ms");
    }
    return interval;
  }

  private static void positive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
    }
  }
}
