package dev.ghost.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.StartupChecks;
import dev.ghost.gateway.testsupport.Configs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad alert, channel, route and probe config stops the start with a message naming the key, never
 * the value.
 */
class ConfigCheckerTest {

  private static final String SECRET_URL = "https://hooks.slack.com/services/T0/B0/s3cretValue9z";

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gateway.alert.down-after|0|gateway.alert.down-after must be 1 or more",
        "gateway.alert.flap-changes|1|gateway.alert.flap-changes must be 2 or more",
        "gateway.alert.remind-every|sometimes|gateway.alert.remind-every must be a duration",
        "gateway.alert.group-window|-1s|gateway.alert.group-window must not be negative",
        "gateway.slack.webhook-url|not a url|gateway.slack.webhook-url must be an http or https URL",
        "gateway.slack.bot-token|xoxb-1|gateway.slack.channel is required with gateway.slack.bot-token",
        "gateway.webhook.url|https://relay.example/x|gateway.webhook.secret is required with gateway.webhook.url",
        "gateway.channels.ops.slack-channel|C01|gateway.slack.bot-token is required with gateway.channels.ops.slack-channel",
        "gateway.channels.pager.url|https://pager.example/h|gateway.channels.pager.secret is required",
        "gateway.routes.r.channels|nowhere|gateway.routes.r.channels: no channel \"nowhere\"",
        "gateway.watchdog.url|ftp://hc-ping.example/abc|gateway.watchdog.url must be an http or https URL",
        "gateway.watchdog.method|DELETE|gateway.watchdog.method must be GET, HEAD or POST",
      })
  void eachProblemNamesItsKey(String key, String value, String problem) {
    Map<String, String> properties = new HashMap<>(Map.of(key, value));
    if (key.startsWith("gateway.routes")) {
      properties.put("gateway.routes.r.match", "ghost-*");
    }
    List<String> problems = StartupChecks.configProblems(Configs.gateway(properties));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith(problem)), problems.toString());
  }

  @Test
  void aBadRouteGlobAndTwoKindsOfChannelAreBothReported() {
    List<String> problems =
        StartupChecks.configProblems(
            Configs.gateway(
                Map.of(
                    "gateway.channels.both.url", SECRET_URL,
                    "gateway.channels.both.secret", "k",
                    "gateway.channels.both.slack-webhook-url", SECRET_URL,
                    "gateway.routes.r.match", "ghost/<x>",
                    "gateway.routes.r.channels", "both")));
    assertEquals(2, problems.size(), problems.toString());
    assertFalse(problems.toString().contains("s3cret"), "a value was shown: " + problems);
  }

  @Test
  void theOneVariableSetupIsValid() {
    assertEquals(
        List.of(),
        StartupChecks.configProblems(
            Configs.gateway(Map.of("gateway.slack.webhook-url", SECRET_URL))));
  }

  @Test
  void remindersCanBeOff() {
    GatewayConfig config = Configs.gateway(Map.of("gateway.alert.remind-every", "off"));
    assertEquals(List.of(), StartupChecks.configProblems(config));
    assertTrue(config.alert().reminders().isEmpty());
  }
}
