package dev.ghost.gateway.delivery.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ghost.gateway.delivery.DeliveryResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slack's Web API refuses with HTTP 200 and an error code; which codes mean "later". */
class SlackResultsTest {

  @ParameterizedTest(name = "Web API error {0} -> {1}")
  @CsvSource({
    "ratelimited, RETRY",
    "service_unavailable, RETRY",
    "internal_error, RETRY",
    "channel_not_found, PERMANENT",
    "not_in_channel, PERMANENT",
    "invalid_auth, PERMANENT",
    "is_archived, PERMANENT",
    "message_not_found, PERMANENT",
  })
  void webApiErrors(String error, DeliveryResult.Outcome outcome) {
    assertEquals(outcome, SlackResults.error(error).outcome());
  }
}
