package dev.ghost.gateway.source.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ghost.gateway.testsupport.Configs;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HTTP probes against a real local server (WireMock), one stub per case. */
class HttpProbeTest {

  private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());

  @BeforeAll
  static void start() {
    SERVER.start();
    SERVER.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withBody("ready")));
    SERVER.stubFor(get("/unavailable").willReturn(aResponse().withStatus(503)));
    SERVER.stubFor(get("/no-content").willReturn(aResponse().withStatus(204)));
    SERVER.stubFor(
        get("/starting")
            .willReturn(aResponse().withStatus(200).withBody("{\"status\": \"starting\"}")));
    SERVER.stubFor(
        get("/healthy").willReturn(aResponse().withStatus(200).withBody("{\"status\": \"ok\"}")));
    SERVER.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
    SERVER.stubFor(get("/sluggish").willReturn(aResponse().withStatus(200).withFixedDelay(300)));
  }

  @AfterAll
  static void stop() {
    SERVER.stop();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("2xx answer", Map.of("url", "/ok"), true, "HTTP 200 in "),
        Arguments.of("503 answer", Map.of("url", "/unavailable"), false, "HTTP 503 in "),
        Arguments.of(
            "204 outside a list",
            Map.of("url", "/no-content", "expect-status", "200,201"),
            false,
            "HTTP 204 in "),
        Arguments.of(
            "204 inside a range",
            Map.of("url", "/no-content", "expect-status", "200-299"),
            true,
            "HTTP 204 in "),
        Arguments.of(
            "body contains", Map.of("url", "/ok", "body-contains", "ready"), true, "HTTP 200 in "),
        Arguments.of(
            "body lacks",
            Map.of("url", "/unavailable", "expect-status", "5xx", "body-contains", "ready"),
            false,
            "body lacks \"ready\""),
        Arguments.of(
            "json pointer differs",
            Map.of("url", "/starting", "json-pointer", "/status", "json-equals", "ok"),
            false,
            "/status is \"starting\", expected \"ok\""),
        Arguments.of(
            "json pointer equals",
            Map.of("url", "/healthy", "json-pointer", "/status", "json-equals", "ok"),
            true,
            "HTTP 200 in "),
        Arguments.of(
            "json pointer missing",
            Map.of("url", "/healthy", "json-pointer", "/state", "json-equals", "ok"),
            false,
            "/state is missing"),
        Arguments.of(
            "slower than the timeout",
            Map.of("url", "/slow", "timeout", "400ms"),
            false,
            "no answer within 400 ms"),
        Arguments.of(
            "slower than the latency limit",
            Map.of("url", "/sluggish", "max-latency", "100ms"),
            false,
            "slower than 100 ms"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void saysExactlyWhatFailed(String name, Map<String, String> keys, boolean up, String reason) {
    ProbeOutcome outcome = probe(keys).run();

    assertEquals(up, outcome.up(), outcome.reason());
    assertTrue(outcome.reason().contains(reason), outcome.reason());
  }

  @Test
  void aClosedPortIsARefusedConnection() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ProbeOutcome outcome = probe(Map.of("url", "http://127.0.0.1:" + closed + "/health")).run();

    assertEquals(false, outcome.up());
    assertEquals("connection refused", outcome.reason());
  }

  @Test
  void everyRunIsOneRequest() {
    SERVER.resetRequests();
    Probe probe = probe(Map.of("url", "/ok"));
    probe.run();
    probe.run();
    SERVER.verify(2, getRequestedFor(urlEqualTo("/ok")));
  }

  private static Probe probe(Map<String, String> keys) {
    Map<String, String> properties = new HashMap<>();
    keys.forEach(
        (key, value) ->
            properties.put(
                "gateway.daemons.web.probe.http." + key,
                key.equals("url") && value.startsWith("/") ? SERVER.baseUrl() + value : value));
    List<ScheduledProbe> probes =
        ProbeFactory.fromConfig(
            Configs.gateway(properties).daemons(),
            Duration.ofSeconds(15),
            HttpClient.newHttpClient());
    return probes.get(0).probe();
  }
}
