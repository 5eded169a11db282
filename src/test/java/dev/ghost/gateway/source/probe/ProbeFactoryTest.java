package dev.ghost.gateway.source.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.Configs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProbeFactoryTest {

  static Stream<Arguments> badConfigs() {
    String p = "gateway.daemons.web.probe.";
    return Stream.of(
        Arguments.of(
            "not http",
            Map.of(p + "http.url", "ftp://host/x"),
            p + "http.url must be http:// or https://"),
        Arguments.of(
            "no host",
            Map.of(p + "http.url", "http:///x"),
            p + "http.url must be http:// or https://"),
        Arguments.of(
            "bad status",
            Map.of(p + "http.url", "http://h/", p + "http.expect-status", "ok"),
            p + "http.expect-status must be like 2xx"),
        Arguments.of(
            "pointer alone",
            Map.of(p + "http.url", "http://h/", p + "http.json-pointer", "/status"),
            "json-pointer and json-equals go together"),
        Arguments.of(
            "bad method",
            Map.of(p + "http.url", "http://h/", p + "http.method", "BREW"),
            p + "http.method must be one of"),
        Arguments.of(
            "port out of range",
            Map.of(p + "tcp.host", "h", p + "tcp.port", "70000"),
            p + "tcp.port must be from 1 to 65535, got 70000"),
        Arguments.of(
            "two kinds",
            Map.of(p + "http.url", "http://h/", p + "tcp.host", "h", p + "tcp.port", "80"),
            p + "*: set one of http, tcp or process, not 2"),
        Arguments.of(
            "pidfile and pattern",
            Map.of(p + "process.pidfile", "/run/x.pid", p + "process.command-pattern", "x"),
            p + "process.set exactly one of pidfile or command-pattern"),
        Arguments.of(
            "bad pattern",
            Map.of(p + "process.command-pattern", "(unclosed"),
            p + "process.command-pattern is not a regular expression"),
        Arguments.of(
            "tiny interval",
            Map.of(p + "tcp.host", "h", p + "tcp.port", "80", p + "interval", "1ms"),
            p + "interval must be at least 100ms"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void aBadProbeConfigIsRefusedWithItsKey(String name, Map<String, String> config, String message) {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ProbeFactory.fromConfig(
                    Configs.gateway(config).daemons(),
                    Duration.ofSeconds(15),
                    HttpClient.newHttpClient()));
    assertTrue(refused.getMessage().contains(message), refused.getMessage());
  }

  @Test
  void theIntervalDefaultsToTheTick() {
    List<ScheduledProbe> probes =
        ProbeFactory.fromConfig(
            Configs.gateway(
                    Map.of(
                        "gateway.daemons.db.probe.tcp.host",
                        "h",
                        "gateway.daemons.db.probe.tcp.port",
                        "5432"))
                .daemons(),
            Duration.ofSeconds(15),
            HttpClient.newHttpClient());
    assertEquals(Duration.ofSeconds(15), probes.get(0).interval());
    assertEquals("tcp", probes.get(0).probe().kind());
  }

  /**
   * Env vars as Fly or a shell would set them, read by a separate JVM as a started gateway would.
   */
  @Test
  void probesCanBeConfiguredFromEnvironmentVariables() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            ProcessHandle.current().info().command().orElse("java"),
            "-cp",
            System.getProperty("java.class.path"),
            PrintProbes.class.getName());
    builder.environment().put("GATEWAY_DAEMONS__GHOST_BRIDGE__NAME", "ghost-bridge");
    builder.environment().put("GATEWAY_DAEMONS__GHOST_BRIDGE__PROBE_TCP_HOST", "127.0.0.1");
    builder.environment().put("GATEWAY_DAEMONS__GHOST_BRIDGE__PROBE_TCP_PORT", "6000");
    builder.environment().put("GATEWAY_DAEMONS__WORKER__PROBE_HTTP_URL", "http://127.0.0.1:9/");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      output = String.join("\n", reader.lines().toList());
    }
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("ghost-bridge tcp"), output);
    assertTrue(output.contains("worker http"), output);
  }

  /** Prints the probes a gateway would configure from this process's environment. */
  public static final class PrintProbes {
    public static void main(String[] args) {
      ProbeFactory.fromConfig(
              Configs.fromEnvironment().daemons(),
              Duration.ofSeconds(15),
              HttpClient.newHttpClient())
          .forEach(probe -> System.out.println(probe.daemon() + " " + probe.probe().kind()));
    }
  }
}
