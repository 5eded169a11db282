package dev.ghost.gateway.delivery.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/** The one way the gateway builds its Slack client. */
public final class SlackClients {

  private SlackClients() {}

  /**
   * @param apiUrl the Web API base, {@code https://slack.com/api/} outside tests
   */
  public static Slack create(String apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    // Stats make the client call auth.test for every token and keep metrics threads: the gateway
    // keeps its own figures, and one fewer call is one fewer rate-limited request.
    config.setStatsEnabled(false);
    config.setPrettyResponseLoggingEnabled(false);
    return Slack.getInstance(config);
  }
}
